package io.deltajdbc.engine.internal.txn;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.internal.features.TableFeatures;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether this engine may write a table: every writer feature in effect must be one whose
 * obligations it meets (protocol: "Table Features"). Features it supports only while unused
 * (generated and identity columns, invariants) refuse writes once used. CHECK constraints are
 * evaluated by the caller (the DML backend), which says so before committing rows.
 */
public final class WriterFeatures {
  static final int MAX_WRITER_VERSION = 7;
  static final Set<String> SUPPORTED =
      Set.of(
          "appendOnly",
          "invariants",
          "checkConstraints",
          "changeDataFeed",
          "generatedColumns",
          "identityColumns",
          "columnMapping",
          "timestampNtz",
          "deletionVectors",
          "domainMetadata",
          "typeWidening",
          "typeWidening-preview",
          "vacuumProtocolCheck",
          "inCommitTimestamp",
          "v2Checkpoint",
          "clustering",
          "variantType",
          "variantType-preview");

  private WriterFeatures() {}

  public static void checkWritable(
      String table, long version, Protocol protocol, Metadata metadata) {
    TableFeatures.checkReadable(table, version, protocol, metadata);
    if (protocol.minWriterVersion() > MAX_WRITER_VERSION) {
      throw DeltaErrors.unsupportedWrite(
          table,
          version,
          "it needs writer version "
              + protocol.minWriterVersion()
              + "; this engine writes versions up to "
              + MAX_WRITER_VERSION
              + ".");
    }
    Set<String> missing = new TreeSet<>(inEffect(protocol));
    missing.removeAll(SUPPORTED);
    if (!missing.isEmpty()) {
      throw DeltaErrors.unsupportedWrite(
          table,
          version,
          "it uses writer feature(s) " + missing + " that this engine does not implement.");
    }
    String fieldRule = fieldRule(metadata.parseSchema());
    if (fieldRule != null) {
      throw DeltaErrors.unsupportedWrite(table, version, fieldRule);
    }
  }

  /** True when the table has CHECK constraints, which only the DML backend (Spark) evaluates. */
  static boolean hasCheckConstraints(Metadata metadata) {
    return metadata.configuration().keySet().stream()
        .anyMatch(k -> k.startsWith("delta.constraints."));
  }

  /**
   * Refuses commits through a log store that is not safe for concurrent writers, unless the user
   * opted in.
   */
  static void checkStore(
      String table, io.deltajdbc.engine.storage.LogStore store, org.apache.hadoop.fs.Path root) {
    if (store.isAtomicCreateSafe()) {
      return;
    }
    String scheme = root.toUri().getScheme();
    String key = io.deltajdbc.engine.storage.SingleWriterLogStore.singleWriterKey(scheme);
    if (!store.configuration().getBoolean(key, false)) {
      throw DeltaErrors.unsafeConcurrentWriters(table, scheme, key);
    }
  }

  /** The writer features a protocol puts in effect, legacy versions included. */
  static Set<String> inEffect(Protocol p) {
    Set<String> out = new LinkedHashSet<>();
    if (p.supportsWriterFeatures()) {
      out.addAll(p.writerFeatures() == null ? Set.of() : p.writerFeatures());
      return out;
    }
    int w = p.minWriterVersion();
    if (w >= 2) {
      out.add("appendOnly");
      out.add("invariants");
    }
    if (w >= 3) {
      out.add("checkConstraints");
    }
    if (w >= 4) {
      out.add("changeDataFeed");
      out.add("generatedColumns");
    }
    if (w >= 5) {
      out.add("columnMapping");
    }
    if (w >= 6) {
      out.add("identityColumns");
    }
    return out;
  }

  private static String fieldRule(DataType t) {
    if (t instanceof StructType s) {
      for (StructField f : s.fields()) {
        var md = f.metadata().values();
        if (md.containsKey("delta.generationExpression")) {
          return "column "
              + f.name()
              + " is a generated column, which this engine cannot compute yet.";
        }
        if (md.containsKey("delta.identity.start")) {
          return "column "
              + f.name()
              + " is an identity column, which this engine cannot fill yet.";
        }
        if (md.containsKey("delta.invariants")) {
          return "column " + f.name() + " has an invariant, which this engine cannot enforce yet.";
        }
        String nested = fieldRule(f.type());
        if (nested != null) {
          return nested;
        }
      }
    } else if (t instanceof ArrayType a) {
      return fieldRule(a.elementType());
    } else if (t instanceof MapType m) {
      String k = fieldRule(m.keyType());
      return k != null ? k : fieldRule(m.valueType());
    }
    return null;
  }
}
