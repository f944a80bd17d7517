package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.ColumnVector;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.internal.expressions.PredicateEvaluator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of a file's batches that satisfy the scan's filter, projected to the scan's output
 * columns.
 */
final class BatchRows implements CloseableIterator<Row> {
  private final CloseableIterator<ColumnBatch> batches;
  private final ScanColumns columns;
  private final Predicate filter;
  private final int outputs;

  /**
   * The batch position of each column object of the filter, found once (a name lookup per row was a
   * tenth of a scan).
   */
  private final Map<Column, Integer> filterColumns = new IdentityHashMap<>();

  private ColumnBatch batch;
  private int position;
  private Row next;

  BatchRows(CloseableIterator<ColumnBatch> batches, ScanColumns columns, Predicate filter) {
    this.batches = batches;
    this.columns = columns;
    this.filter = filter;
    this.outputs = columns.output().size();
    if (filter != null) {
      for (Column c : Predicates.columns(filter)) {
        filterColumns.put(c, columns.readIndex(c));
      }
    }
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (batch == null || position == batch.liveCount()) {
        if (!batches.hasNext()) {
          return false;
        }
        batch = batches.next();
        position = 0;
        continue;
      }
      int[] selection = batch.selection();
      int r = selection == null ? position : selection[position];
      position++;
      List<ColumnVector> vectors = batch.columns();
      // the filter reads only its own columns of the batch: rows it rules out are never assembled
      if (filter != null
          && !Boolean.TRUE.equals(
              PredicateEvaluator.evaluate(filter, col -> vectors.get(index(col)).get(r)))) {
        continue;
      }
      Object[] values = new Object[outputs];
      for (int c = 0; c < outputs; c++) {
        values[c] = vectors.get(c).get(r);
      }
      next = Row.wrap(values);
    }
    return true;
  }

  private int index(Column c) {
    Integer i = filterColumns.get(c);
    return i != null ? i : columns.readIndex(c);
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

  @Override
  public void close() {
    batches.close();
  }
}
