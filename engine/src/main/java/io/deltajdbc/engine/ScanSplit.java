package io.deltajdbc.engine;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.StructType;

/**
 * One independent part of a {@link Scan}: a data file, or a run of the row groups of a large one.
 * Splits can be read at the same time on different threads; each reads its own file or part and
 * shares nothing mutable with the others.
 */
public interface ScanSplit {

  /** The data file this split reads (all of it, or some of its row groups). */
  AddFile file();

  /**
   * Rows of the split (before deleted rows are left out): the file's as the log's statistics count
   * them, or its row groups' as the footer does; -1 when unknown.
   */
  long estimatedRows();

  /**
   * What the log's statistics say exactly about the split's live rows, when they may stand for
   * reading it: the split is a whole file without a deletion vector and its statistics have a row
   * count and tight bounds; otherwise empty.
   */
  java.util.Optional<ExactStats> statsFromLog();

  /**
   * A split's exact statistics: its row count, and per column of {@link #batchSchema()} the null
   * count and bounds of the non-null values.
   */
  interface ExactStats {
    long rowCount();

    /**
     * Column {@code column}'s bounds and null count, when they are exact: integer, date and decimal
     * columns (statistics of strings are truncated, of timestamps cut to milliseconds, of floating
     * point blind to NaN) and partition columns of those types; empty otherwise. Values as in rows:
     * {@code Long}/{@code Integer}/..., {@code LocalDate}, {@code BigDecimal}.
     */
    java.util.Optional<ColumnBounds> column(int column);
  }

  /** The smallest and largest non-null value (null when every value is null) and the null count. */
  record ColumnBounds(Object min, Object max, long nullCount) {}

  /**
   * The split's rows that satisfy the scan's filter, in the scan's {@link Scan#readSchema()}: the
   * same rows, in the same order, as {@link Scan#rows()} returns for this file (or these row
   * groups).
   */
  CloseableIterator<Row> rows();

  /**
   * The schema of {@link #batches}: the scan's read schema followed by the filter's other columns.
   */
  StructType batchSchema();

  /**
   * The file's live rows (deletion vectors applied) as batches of about {@code batchSize} rows in
   * {@link #batchSchema()}, partition columns filled in. The scan's filter only rules out row
   * groups here: it is <em>not</em> evaluated per row, the caller evaluates it. Each call of {@code
   * next()} may reuse the previous batch's buffers.
   */
  CloseableIterator<ColumnBatch> batches(int batchSize);

  /**
   * How the file's values are decoded: {@code "columnar"} or {@code "record"} (the fallback for
   * nested columns).
   */
  String reader();
}
