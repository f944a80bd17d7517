package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;

/** The rows of one Parquet file; closing it closes the file. */
public interface CloseableRowIterator extends CloseableIterator<Row> {}
