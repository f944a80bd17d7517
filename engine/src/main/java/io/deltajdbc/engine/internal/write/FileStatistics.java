package io.deltajdbc.engine.internal.write;

import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.internal.parquet.ParquetRowReader;
import io.deltajdbc.engine.types.StructType;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The statistics of a Parquet file written elsewhere (CONVERT TO DELTA): its rows are read with the
 * table's data columns and collected as a write would collect them.
 */
public final class FileStatistics {
  private FileStatistics() {}

  /** The {@code stats} JSON of {@code file}, read as {@code dataSchema} (missing columns null). */
  public static String of(
      Configuration conf, Path file, StructType dataSchema, Metadata metadata, String tablePath) {
    WriteOptions options = WriteOptions.of(metadata, conf);
    StatsCollector stats =
        new StatsCollector(
            dataSchema, false, options.numIndexedCols(), options.stringPrefix(), false);
    try (ParquetRowReader rows =
        ParquetRowReader.open(
            conf,
            file,
            dataSchema,
            new ParquetReadOptions(ColumnMatching.BY_NAME, null, tablePath))) {
      while (rows.hasNext()) {
        Row r = rows.next();
        stats.add(r);
      }
    }
    return stats.toJson();
  }
}
