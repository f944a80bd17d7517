package io.deltajdbc.engine.utilities;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * delta-spark's {@code DESCRIBE DETAIL} row of a Delta table, its 15 columns in their order: {@code
 * location} is the fully qualified table root, {@code lastModified} the modification time of the
 * latest commit file, {@code createdAt} the metadata's creation time (null when the writer left it
 * out), {@code tableFeatures} the protocol's features sorted by name, with the legacy features a
 * protocol below reader 3 / writer 7 implies ({@code appendOnly} and {@code invariants} for writer
 * version 2, ...).
 */
public record TableDetail(
    String format,
    String id,
    String name,
    String description,
    String location,
    Instant createdAt,
    Instant lastModified,
    List<String> partitionColumns,
    List<String> clusteringColumns,
    long numFiles,
    long sizeInBytes,
    Map<String, String> properties,
    int minReaderVersion,
    int minWriterVersion,
    List<String> tableFeatures) {

  public TableDetail {
    partitionColumns = List.copyOf(partitionColumns);
    clusteringColumns = List.copyOf(clusteringColumns);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    tableFeatures = List.copyOf(tableFeatures);
  }
}
