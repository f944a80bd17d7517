package io.deltajdbc.engine.txn;

/** Files were added to data this transaction read (concurrent append). */
public final class ConcurrentAppendException extends ConcurrentModificationException {
  public ConcurrentAppendException(String tablePath, long winningVersion, String detail) {
    super(
        tablePath,
        winningVersion,
        "Files were added to data this transaction read (concurrent append)"
            + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
  }
}
