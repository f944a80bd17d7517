package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.data.ColumnBatch;

/** Batches of a data file's columns, one after the other; the same batch object is refilled. */
interface BatchSource extends AutoCloseable {

  /** The next batch, or null after the last. */
  ColumnBatch next();

  @Override
  void close();
}
