package io.deltajdbc.engine.data;

import java.util.Iterator;

/** An iterator over a resource (open files) that must be closed; close is idempotent. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close();
}
