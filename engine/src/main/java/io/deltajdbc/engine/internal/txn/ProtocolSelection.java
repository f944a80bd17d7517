package io.deltajdbc.engine.internal.txn;

import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The protocol of a new table: the lowest reader and writer versions its schema and properties
 * need, as Delta chooses them. Legacy versions when they suffice ((1,2) plain, (2,5) column
 * mapping, (1,4) change data feed); table features (reader 3 / writer 7) naming exactly the
 * features in use otherwise.
 */
final class ProtocolSelection {
  /** Features that readers must understand as well as writers. */
  static final Set<String> READER_WRITER =
      Set.of(
          "columnMapping",
          "deletionVectors",
          "timestampNtz",
          "typeWidening",
          "v2Checkpoint",
          "vacuumProtocolCheck",
          "variantType");

  private ProtocolSelection() {}

  static Protocol forNewTable(StructType schema, Map<String, String> properties) {
    Set<String> features = new LinkedHashSet<>();
    if (contains(schema, PrimitiveType.TIMESTAMP_NTZ)) {
      features.add("timestampNtz");
    }
    if (contains(schema, PrimitiveType.VARIANT)) {
      features.add("variantType");
    }
    String mode =
        properties.getOrDefault("delta.columnMapping.mode", "none").toLowerCase(Locale.ROOT);
    if (!mode.equals("none")) {
      features.add("columnMapping");
    }
    if (isTrue(properties, "delta.enableDeletionVectors")) {
      features.add("deletionVectors");
    }
    if (isTrue(properties, "delta.enableChangeDataFeed")) {
      features.add("changeDataFeed");
    }
    if (isTrue(properties, "delta.enableInCommitTimestamps")) {
      features.add("inCommitTimestamp");
    }
    if (isTrue(properties, "delta.enableTypeWidening")) {
      features.add("typeWidening");
    }
    if (properties.keySet().stream().anyMatch(k -> k.startsWith("delta.constraints."))) {
      features.add("checkConstraints");
    }
    properties.forEach(
        (k, v) -> {
          if (k.startsWith("delta.feature.")) {
            features.add(k.substring("delta.feature.".length()));
          }
        });
    int reader = intProperty(properties, "delta.minReaderVersion", 1);
    int writer = intProperty(properties, "delta.minWriterVersion", 2);
    boolean needsTableFeatures =
        features.stream().anyMatch(f -> !legacy(f)) || reader >= 3 || writer >= 7;
    if (!needsTableFeatures) {
      if (features.contains("columnMapping")) {
        return new Protocol(Math.max(reader, 2), Math.max(writer, 5));
      }
      if (features.contains("changeDataFeed") || features.contains("checkConstraints")) {
        return new Protocol(reader, Math.max(writer, features.contains("changeDataFeed") ? 4 : 3));
      }
      return new Protocol(reader, writer);
    }
    // Table features list what the legacy writer version would have implied (as delta-spark does):
    // with writer 2, appendOnly and invariants. Delta refuses a table whose NOT NULL columns need
    // invariants when the protocol does not list it.
    if (writer < 7) {
      features.addAll(WriterFeatures.inEffect(new Protocol(1, writer)));
    }
    Set<String> readerFeatures = new LinkedHashSet<>();
    for (String f : features) {
      if (READER_WRITER.contains(f)) {
        readerFeatures.add(f);
      }
    }
    boolean readerFeaturesNeeded = !readerFeatures.isEmpty() || reader >= 3;
    return new Protocol(
        readerFeaturesNeeded ? 3 : Math.max(reader, features.contains("columnMapping") ? 2 : 1),
        7,
        readerFeaturesNeeded ? readerFeatures : null,
        features);
  }

  /** Features that a legacy writer version covers without table features. */
  private static boolean legacy(String feature) {
    return Set.of("columnMapping", "changeDataFeed", "checkConstraints", "appendOnly", "invariants")
        .contains(feature);
  }

  private static boolean isTrue(Map<String, String> p, String key) {
    return "true".equalsIgnoreCase(p.getOrDefault(key, "false").trim());
  }

  private static int intProperty(Map<String, String> p, String key, int dflt) {
    String v = p.get(key);
    return v == null ? dflt : Integer.parseInt(v.trim());
  }

  static boolean contains(DataType t, PrimitiveType wanted) {
    if (t == wanted) {
      return true;
    }
    if (t instanceof StructType s) {
      for (StructField f : s.fields()) {
        if (contains(f.type(), wanted)) {
          return true;
        }
      }
      return false;
    }
    if (t instanceof ArrayType a) {
      return contains(a.elementType(), wanted);
    }
    if (t instanceof MapType m) {
      return contains(m.keyType(), wanted) || contains(m.valueType(), wanted);
    }
    return false;
  }
}
