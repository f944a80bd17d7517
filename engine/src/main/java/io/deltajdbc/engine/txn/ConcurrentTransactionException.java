package io.deltajdbc.engine.txn;

/** The same application transaction id was committed. */
public final class ConcurrentTransactionException extends ConcurrentModificationException {
  public ConcurrentTransactionException(String tablePath, long winningVersion, String detail) {
    super(
        tablePath,
        winningVersion,
        "The same application transaction id was committed"
            + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
  }
}
