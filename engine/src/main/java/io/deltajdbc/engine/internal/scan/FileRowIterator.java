package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.files.FileRows;
import io.deltajdbc.engine.internal.parquet.ParquetRowReader;

/**
 * The live rows of one data file in read-column order: the Parquet values completed with the file's
 * partition values. Closing it closes the file.
 */
public final class FileRowIterator implements FileRows {
  private final ParquetRowReader reader;
  private final ScanColumns columns;
  private final Object[] partitionValues;

  FileRowIterator(ParquetRowReader reader, ScanColumns columns, Object[] partitionValues) {
    this.reader = reader;
    this.columns = columns;
    this.partitionValues = partitionValues;
  }

  @Override
  public boolean hasNext() {
    return reader.hasNext();
  }

  @Override
  public Row next() {
    Row data = reader.next();
    int n = columns.read().size();
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      int d = columns.dataIndex(i);
      values[i] = d >= 0 ? data.get(d) : partitionValues[i];
    }
    return Row.wrap(values);
  }

  /** The position in the file of the row last returned (the index deletion vectors use). */
  public long rowIndex() {
    return reader.rowIndex();
  }

  @Override
  public void close() {
    reader.close();
  }
}
