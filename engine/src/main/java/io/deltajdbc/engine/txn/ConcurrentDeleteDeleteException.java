package io.deltajdbc.engine.txn;

/** A file this transaction removes was removed already (concurrent delete-delete). */
public final class ConcurrentDeleteDeleteException extends ConcurrentModificationException {
  public ConcurrentDeleteDeleteException(String tablePath, long winningVersion, String detail) {
    super(
        tablePath,
        winningVersion,
        "A file this transaction removes was removed already (concurrent delete-delete)"
            + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
  }
}
