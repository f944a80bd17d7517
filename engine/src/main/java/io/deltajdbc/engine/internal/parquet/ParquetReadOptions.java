package io.deltajdbc.engine.internal.parquet;

import static java.util.Objects.requireNonNull;

import java.util.function.LongPredicate;

/**
 * How to read one Parquet file.
 *
 * @param matching how fields find their columns
 * @param skipRow row indexes (0-based position in the file) to leave out, e.g. a deletion vector;
 *     null keeps every row
 * @param tablePath the table the file belongs to, named in error messages
 */
public record ParquetReadOptions(ColumnMatching matching, LongPredicate skipRow, String tablePath) {
  public ParquetReadOptions {
    requireNonNull(matching, "matching");
    requireNonNull(tablePath, "tablePath");
  }
}
