package io.deltajdbc.engine;

import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.types.StructType;
import java.util.List;

/**
 * What a table is, without its files: the latest version's protocol, metadata and schema. Loading
 * it reads the newest commits (and a checkpoint only when they lack the metadata), never the files
 * list.
 */
public record TableInfo(
    String tablePath, long version, Protocol protocol, Metadata metadata, StructType schema) {
  public List<String> partitionColumns() {
    return metadata.partitionColumns();
  }
}
