package io.deltajdbc.engine.types;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * One field of a struct: its logical name, type, nullability and the free-form metadata the
 * protocol keeps beside it (column mapping ids and physical names, comments, type-change history,
 * ...).
 */
public record StructField(String name, DataType type, boolean nullable, FieldMetadata metadata)
    implements java.io.Serializable {
  public static final String COLUMN_MAPPING_ID_KEY = "delta.columnMapping.id";
  public static final String COLUMN_MAPPING_PHYSICAL_NAME_KEY = "delta.columnMapping.physicalName";
  public static final String COMMENT_KEY = "comment";

  public StructField {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(metadata, "metadata");
  }

  public StructField(String name, DataType type, boolean nullable) {
    this(name, type, nullable, FieldMetadata.EMPTY);
  }

  /** The column-mapping physical name, or the logical name when the field has none. */
  public String physicalName() {
    return metadata.getString(COLUMN_MAPPING_PHYSICAL_NAME_KEY).orElse(name);
  }

  /** The column-mapping field id, if the table assigned one. */
  public Optional<Integer> fieldId() {
    return metadata.getLong(COLUMN_MAPPING_ID_KEY).map(Long::intValue);
  }

  /** The column's comment, if any. */
  public Optional<String> comment() {
    return metadata.getString(COMMENT_KEY);
  }

  public StructField withType(DataType newType) {
    return new StructField(name, newType, nullable, metadata);
  }

  public StructField withName(String newName) {
    return new StructField(newName, type, nullable, metadata);
  }

  /** Field metadata as a map of JSON values (String, Long, Double, Boolean, List, Map, null). */
  public record FieldMetadata(Map<String, Object> values) implements java.io.Serializable {
    public static final FieldMetadata EMPTY = new FieldMetadata(Map.of());

    public FieldMetadata {
      requireNonNull(values, "values");
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public Optional<String> getString(String key) {
      Object v = values.get(key);
      return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public Optional<Long> getLong(String key) {
      Object v = values.get(key);
      return v instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    public boolean isEmpty() {
      return values.isEmpty();
    }
  }
}
