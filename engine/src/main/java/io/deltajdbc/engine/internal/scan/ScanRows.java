package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.internal.Cancellation;
import io.deltajdbc.engine.internal.expressions.PredicateEvaluator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.parquet.filter2.predicate.FilterPredicate;

/**
 * The rows of a scan, file after file: each file's live rows (see {@link TableFileReader}), kept
 * when the filter is true and projected to the output columns. One file is open at a time. The
 * Parquet reader gets the filter too, as far as it can be stated in Parquet's terms, and leaves out
 * row groups, pages and records that cannot match before rows are assembled.
 */
final class ScanRows implements CloseableIterator<Row> {
  private final TableFileReader reader;
  private final ScanColumns columns;
  private final Predicate filter;
  private final FilterPredicate parquetFilter;
  private final Iterator<PlannedFile> files;
  private FileRowIterator current;
  private Row next;
  private boolean closed;
  private long steps;

  ScanRows(TableFileReader reader, ScanColumns columns, Predicate filter, List<PlannedFile> files) {
    this.reader = reader;
    this.columns = columns;
    this.filter = filter;
    this.parquetFilter = reader.parquetFilter(filter);
    this.files = files.iterator();
  }

  @Override
  public boolean hasNext() {
    while (next == null && !closed) {
      if ((++steps & 1023) == 0) {
        // a filter that keeps few rows loops here long between two rows returned
        Cancellation.check("scanning", reader.tablePath());
      }
      if (current != null && current.hasNext()) {
        Row row = current.next();
        if (filter == null
            || Boolean.TRUE.equals(
                PredicateEvaluator.evaluate(filter, c -> columns.value(row, c)))) {
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
    PlannedFile file = files.next();
    Cancellation.check("opening " + file.add().path() + " of", reader.tablePath());
    current = reader.open(file.add(), file.partitionValues(), parquetFilter);
    return true;
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
