package io.deltajdbc.engine.internal.parquet;

import static java.util.Objects.requireNonNull;

import java.util.function.LongPredicate;
import org.apache.parquet.filter2.predicate.FilterPredicate;

/**
 * How to read one Parquet file.
 *
 * @param matching how fields find their columns
 * @param skipRow row indexes (0-based position in the file) to leave out, e.g. a deletion vector;
 *     null keeps every row
 * @param tablePath the table the file belongs to, named in error messages
 * @param filter a relaxation of the rows wanted (see {@link ParquetFilters}), applied to row
 *     groups, pages and records by parquet-hadoop; null reads every row. Used only when no rows are
 *     skipped by index and fields are matched by name.
 */
public record ParquetReadOptions(
    ColumnMatching matching, LongPredicate skipRow, String tablePath, FilterPredicate filter) {
  public ParquetReadOptions {
    requireNonNull(matching, "matching");
    requireNonNull(tablePath, "tablePath");
  }

  /** Options that read every row not skipped by index. */
  public ParquetReadOptions(ColumnMatching matching, LongPredicate skipRow, String tablePath) {
    this(matching, skipRow, tablePath, null);
  }

  /**
   * The filter to apply, or null when this read must see every row (deleted rows are counted by
   * index).
   */
  public FilterPredicate effectiveFilter() {
    return filter != null && skipRow == null && matching == ColumnMatching.BY_NAME ? filter : null;
  }
}
