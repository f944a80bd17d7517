package io.deltajdbc.engine.utilities;

import io.deltajdbc.engine.types.StructField;
import java.util.List;

/**
 * {@code CONVERT TO DELTA parquet.`path` [NO STATISTICS] [PARTITIONED BY (c type, ...)]}: the
 * partition columns the folder's {@code c=value} directories hold, in directory order, with their
 * types, and whether to compute each file's statistics (reading it) or leave them out.
 */
public record ConvertRequest(List<StructField> partitionColumns, boolean collectStats) {
  public ConvertRequest {
    partitionColumns = List.copyOf(partitionColumns);
  }

  /** An unpartitioned folder, with statistics. */
  public static ConvertRequest unpartitioned() {
    return new ConvertRequest(List.of(), true);
  }

  public ConvertRequest partitionedBy(List<StructField> columns) {
    return new ConvertRequest(columns, collectStats);
  }

  /** {@code NO STATISTICS}. */
  public ConvertRequest withoutStatistics() {
    return new ConvertRequest(partitionColumns, false);
  }
}
