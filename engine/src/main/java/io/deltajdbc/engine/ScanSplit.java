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
   * The split's rows that satisfy the scan's filter, in the scan's {@link Scan#readSchema()}: the
   * same rows, in the same order, as {@link Scan#rows()} returns for this file (or these row groups).
   */
  CloseableIterator<Row> rows();

  /**
   * The schema of {@link #batches}: the scan's read schema followed by the filter's other columns.
   */
  StructType batchSchema();

  /**
   * The file's live rows (deletion vectors applied) as batches of about {@code batchSize} rows in
   * {@link #batchSchema()}, partition columns filled in. The scan's filter only rules out row
   * groups here: it is <em>not</em> evaluated per row, the caller evaluates it. Each call of
   * {@code next()} may reuse the previous batch's buffers.
   */
  CloseableIterator<ColumnBatch> batches(int batchSize);

  /** How the file's values are decoded: {@code "columnar"} or {@code "record"} (the fallback for nested columns). */
  String reader();
}
