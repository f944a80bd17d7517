package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.ColumnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The batches of one data file in read-column order: the file's vectors, and a vector per partition
 * column filled with the file's value.
 */
final class TableBatches implements CloseableIterator<ColumnBatch> {
  private final BatchSource source;
  private final ScanColumns columns;
  private final Object[] partitionValues;
  private ColumnBatch data;
  private ColumnBatch out;
  private List<ColumnVector> partitionVectors;
  private boolean done;

  TableBatches(BatchSource source, ScanColumns columns, Object[] partitionValues) {
    this.source = source;
    this.columns = columns;
    this.partitionValues = partitionValues;
  }

  @Override
  public boolean hasNext() {
    if (data == null && !done) {
      data = source.next();
      if (data == null) {
        done = true;
        close();
      }
    }
    return data != null;
  }

  @Override
  public ColumnBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ColumnBatch batch = data;
    data = null;
    int n = columns.read().size();
    if (out == null) {
      List<ColumnVector> vectors = new ArrayList<>(n);
      partitionVectors = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int d = columns.dataIndex(i);
        ColumnVector v =
            d >= 0
                ? batch.column(d)
                : ColumnVector.forType(columns.read().field(i).type(), batch.size());
        vectors.add(v);
        partitionVectors.add(d >= 0 ? null : v);
      }
      out = new ColumnBatch(vectors);
    }
    int size = batch.size();
    for (int i = 0; i < n; i++) {
      ColumnVector v = partitionVectors.get(i);
      if (v != null) {
        v.reset(size);
        for (int r = 0; r < size; r++) {
          VectorValues.set(v, r, partitionValues[i]);
        }
      }
    }
    out.setSize(size);
    if (batch.selection() != null) {
      out.select(batch.selection(), batch.liveCount());
    }
    return out;
  }

  @Override
  public void close() {
    done = true;
    source.close();
  }
}
