package io.deltajdbc.engine.internal.txn;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.SchemaJson;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Changes of an existing table's schema and properties (ALTER TABLE), staged on a transaction
 * together with the protocol upgrade they need: new columns get column-mapping ids and physical
 * names when the table maps columns; a property that turns on a feature (deletion vectors, CHECK
 * constraints, change data feed, ...) raises the protocol to the lowest one that has it.
 */
final class MetadataUpdates {
  private MetadataUpdates() {}

  /** ALTER TABLE ADD COLUMNS: appends nullable columns. */
  static void addColumns(Transaction txn, String table, List<StructField> columns) {
    Snapshot s = txn.readSnapshot();
    StructType schema = s.schema();
    Set<String> names = new LinkedHashSet<>();
    schema.fieldNames().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
    for (StructField f : columns) {
      if (!names.add(f.name().toLowerCase(Locale.ROOT))) {
        throw DeltaErrors.invalidArgument(
            "Table " + table + " already has a column " + f.name() + ".");
      }
      if (!f.nullable()) {
        throw DeltaErrors.invalidArgument(
            "Column "
                + f.name()
                + " cannot be added to table "
                + table
                + " as NOT NULL: its existing rows have no value for it. Add it without NOT NULL.");
      }
    }
    Map<String, String> config = new LinkedHashMap<>(s.metadata().configuration());
    StructType added = new StructType(columns);
    String mode = config.getOrDefault("delta.columnMapping.mode", "none").toLowerCase(Locale.ROOT);
    if (!mode.equals("none")) {
      int[] maxId = {Integer.parseInt(config.getOrDefault("delta.columnMapping.maxColumnId", "0"))};
      added = TableCreator.assignColumnMapping(added, maxId);
      config.put("delta.columnMapping.maxColumnId", Integer.toString(maxId[0]));
    }
    List<StructField> all = new ArrayList<>(schema.fields());
    all.addAll(added.fields());
    stage(txn, new StructType(all), config);
  }

  /** ALTER TABLE SET / UNSET TBLPROPERTIES (and CHECK constraints, which are properties). */
  static void changeProperties(
      Transaction txn,
      String table,
      Map<String, String> set,
      Collection<String> unset,
      boolean ifExists) {
    Snapshot s = txn.readSnapshot();
    Map<String, String> config = new LinkedHashMap<>(s.metadata().configuration());
    for (String key : unset) {
      if (config.remove(key) == null && !ifExists) {
        throw DeltaErrors.invalidArgument(
            "Table "
                + table
                + " has no property "
                + key
                + " to unset (use UNSET TBLPROPERTIES IF EXISTS to ignore missing ones).");
      }
    }
    String oldMode = config.getOrDefault("delta.columnMapping.mode", "none");
    String newMode = set.getOrDefault("delta.columnMapping.mode", oldMode);
    if (!oldMode.equalsIgnoreCase(newMode)) {
      throw DeltaErrors.unsupportedWrite(
          table,
          s.version(),
          "changing delta.columnMapping.mode of an existing "
              + "table (from "
              + oldMode
              + " to "
              + newMode
              + ") is not supported; create the table with the mode.");
    }
    config.putAll(set);
    stage(txn, s.schema(), config);
  }

  private static void stage(Transaction txn, StructType schema, Map<String, String> config) {
    Snapshot s = txn.readSnapshot();
    Metadata md = s.metadata();
    txn.updateMetadata(
        new Metadata(
            md.id(),
            md.name(),
            md.description(),
            md.format(),
            SchemaJson.toJson(schema),
            md.partitionColumns(),
            md.createdTime(),
            config));
    Protocol merged = merge(s.protocol(), ProtocolSelection.forNewTable(schema, config));
    if (!merged.equals(s.protocol())) {
      ((TransactionImpl) txn).updateProtocol(merged);
    }
  }

  /** The lowest protocol that has every feature of both. */
  static Protocol merge(Protocol a, Protocol b) {
    if (!a.supportsWriterFeatures()
        && !b.supportsWriterFeatures()
        && !a.supportsReaderFeatures()
        && !b.supportsReaderFeatures()) {
      return new Protocol(
          Math.max(a.minReaderVersion(), b.minReaderVersion()),
          Math.max(a.minWriterVersion(), b.minWriterVersion()));
    }
    Set<String> writer = new LinkedHashSet<>(writerFeatures(a));
    writer.addAll(writerFeatures(b));
    Set<String> reader = new LinkedHashSet<>();
    for (String f : writer) {
      if (ProtocolSelection.READER_WRITER.contains(f)) {
        reader.add(f);
      }
    }
    boolean readerFeatures =
        a.supportsReaderFeatures()
            || b.supportsReaderFeatures()
            || reader.stream().anyMatch(f -> !f.equals("columnMapping"));
    int readerVersion =
        readerFeatures
            ? 3
            : Math.max(
                Math.max(a.minReaderVersion(), b.minReaderVersion()),
                writer.contains("columnMapping") ? 2 : 1);
    return new Protocol(readerVersion, 7, readerFeatures ? reader : null, writer);
  }

  /**
   * The writer features a protocol has: listed at writer version 7, implied by a legacy version
   * below.
   */
  private static Set<String> writerFeatures(Protocol p) {
    if (p.supportsWriterFeatures()) {
      return p.writerFeatures();
    }
    Set<String> out = new LinkedHashSet<>();
    int v = p.minWriterVersion();
    if (v >= 2) {
      out.addAll(List.of("appendOnly", "invariants"));
    }
    if (v >= 3) {
      out.add("checkConstraints");
    }
    if (v >= 4) {
      out.addAll(List.of("changeDataFeed", "generatedColumns"));
    }
    if (v >= 5) {
      out.add("columnMapping");
    }
    if (v >= 6) {
      out.add("identityColumns");
    }
    return out;
  }
}
