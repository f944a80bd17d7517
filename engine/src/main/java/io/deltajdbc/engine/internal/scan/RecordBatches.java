package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.ColumnVector;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.parquet.ParquetRowReader;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Batches filled from the record reader's rows: the fallback for files the columnar reader cannot
 * decode (nested columns, variants). Deleted rows are already left out by the record reader.
 */
final class RecordBatches implements BatchSource {
  private final ParquetRowReader rows;
  private final ColumnBatch batch;
  private final int batchSize;

  RecordBatches(ParquetRowReader rows, StructType schema, int batchSize) {
    this.rows = rows;
    this.batchSize = batchSize;
    List<ColumnVector> vectors = new ArrayList<>();
    schema.fields().forEach(f -> vectors.add(ColumnVector.forType(f.type(), batchSize)));
    this.batch = new ColumnBatch(vectors);
  }

  @Override
  public ColumnBatch next() {
    if (!rows.hasNext()) {
      return null;
    }
    List<ColumnVector> vectors = batch.columns();
    vectors.forEach(v -> v.reset(batchSize));
    int n = 0;
    while (n < batchSize && rows.hasNext()) {
      Row row = rows.next();
      for (int c = 0; c < vectors.size(); c++) {
        VectorValues.set(vectors.get(c), n, row.get(c));
      }
      n++;
    }
    batch.setSize(n);
    return batch;
  }

  @Override
  public void close() {
    rows.close();
  }
}
