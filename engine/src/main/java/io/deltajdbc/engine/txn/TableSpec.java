package io.deltajdbc.engine.txn;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.types.StructType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table to create: its schema, partition columns, name, description and properties ({@code
 * delta.*} properties are validated; others are kept as user properties).
 */
public record TableSpec(
    StructType schema,
    List<String> partitionColumns,
    String name,
    String description,
    Map<String, String> properties) {
  public TableSpec {
    requireNonNull(schema, "schema");
    partitionColumns = List.copyOf(partitionColumns == null ? List.of() : partitionColumns);
    properties =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(properties == null ? Map.of() : properties));
  }

  public static TableSpec of(StructType schema, String... partitionColumns) {
    return new TableSpec(schema, List.of(partitionColumns), null, null, Map.of());
  }

  public TableSpec withProperty(String key, String value) {
    Map<String, String> p = new LinkedHashMap<>(properties);
    p.put(key, value);
    return new TableSpec(schema, partitionColumns, name, description, p);
  }

  public TableSpec withDescription(String newDescription) {
    return new TableSpec(schema, partitionColumns, name, newDescription, properties);
  }
}
