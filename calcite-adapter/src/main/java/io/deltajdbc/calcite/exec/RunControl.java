package io.deltajdbc.calcite.exec;

import io.deltajdbc.calcite.internal.MemoryGuard;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.runtime.CalciteException;

/**
 * What stops a statement's work: its cancel flag, its query timeout, a heap nearly full, and the
 * end of its result set (LIMIT reached, result set closed). Checked by every worker between
 * batches.
 */
public final class RunControl {
  /** Rows per batch. */
  static final int BATCH_SIZE = 4096;

  private final AtomicBoolean cancel;
  private final long deadline;
  private final String table;
  private volatile boolean closed;

  /** {@code deadline} in {@link System#currentTimeMillis()} terms, Long.MAX_VALUE for none. */
  public RunControl(AtomicBoolean cancel, long deadline, String table) {
    this.cancel = cancel;
    this.deadline = deadline;
    this.table = table;
  }

  /** Stops the workers: the consumer needs no more rows. */
  void close() {
    closed = true;
  }

  boolean closed() {
    return closed;
  }

  /** Throws when the statement was canceled or ran past its timeout, or the heap is full. */
  public void check() {
    MemoryGuard.check(table);
    if (cancel != null && cancel.get()) {
      throw new CalciteException("Statement canceled", null);
    }
    if (System.currentTimeMillis() > deadline) {
      throw new CalciteException(
          "Query timeout: the statement ran longer than its query timeout and was stopped", null);
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new CalciteException("Statement canceled", null);
    }
  }
}
