package io.deltajdbc.engine.files;

import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;

/**
 * The live rows of one data file, each with its row index in the file (what deletion vectors name).
 */
public interface FileRows extends CloseableIterator<Row> {

  /** The row index in the file of the row {@link #next()} returned last. */
  long rowIndex();
}
