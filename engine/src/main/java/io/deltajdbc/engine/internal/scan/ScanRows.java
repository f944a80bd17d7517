package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.internal.dv.DeletionVectorLoader;
import io.deltajdbc.engine.internal.dv.RoaringBitmapArray;
import io.deltajdbc.engine.internal.expressions.PredicateEvaluator;
import io.deltajdbc.engine.internal.parquet.CloseableRowIterator;
import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.internal.parquet.ParquetRowReader;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongPredicate;

/**
 * The rows of a scan, file after file: each file's Parquet rows without its deleted rows,
 * completed with its partition values and kept when the filter is true. One file is open at a time.
 */
final class ScanRows implements CloseableIterator<Row> {
  private final SnapshotImpl snapshot;
  private final ScanColumns columns;
  private final Predicate filter;
  private final ColumnMatching matching;
  private final Iterator<PlannedFile> files;
  private CloseableRowIterator current;
  private PlannedFile currentFile;
  private Row next;
  private boolean closed;

  ScanRows(SnapshotImpl snapshot, ScanColumns columns, Predicate filter, ColumnMatching matching,
      List<PlannedFile> files) {
    this.snapshot = snapshot;
    this.columns = columns;
    this.filter = filter;
    this.matching = matching;
    this.files = files.iterator();
  }

  @Override
  public boolean hasNext() {
    while (next == null && !closed) {
      if (current != null && current.hasNext()) {
        Row row = assemble(current.next());
        if (filter == null || Boolean.TRUE.equals(PredicateEvaluator.evaluate(filter, c -> columns.value(row, c)))) {
          next = project(row);
        }
      } else if (!openNext()) {
        close();
      }
    }
    return next != null;
  }

  private boolean openNext() {
    closeCurrent();
    if (!files.hasNext()) {
      return false;
    }
    currentFile = files.next();
    AddFile add = currentFile.add();
    LongPredicate deleted = null;
    if (add.deletionVector() != null) {
      RoaringBitmapArray bitmap = DeletionVectorLoader.load(snapshot.store().configuration(), snapshot.root(),
          add.deletionVector(), snapshot.tablePath());
      deleted = bitmap::contains;
    }
    current = ParquetRowReader.open(snapshot.store().configuration(), snapshot.paths().absolute(add.path()),
        add.size(), columns.dataSchema(), new ParquetReadOptions(matching, deleted, snapshot.tablePath()));
    return true;
  }

  private Row assemble(Row data) {
    int n = columns.read().size();
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      int d = columns.dataIndex(i);
      values[i] = d >= 0 ? data.get(d) : currentFile.partitionValues()[i];
    }
    return Row.wrap(values);
  }

  private Row project(Row row) {
    int n = columns.output().size();
    if (n == row.size()) {
      return row;
    }
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      values[i] = row.get(i);
    }
    return Row.wrap(values);
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    return r;
  }

  private void closeCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    closeCurrent();
  }
}
