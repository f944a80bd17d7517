package io.deltajdbc.engine.txn;

/** A file this transaction read was removed (concurrent delete-read). */
public final class ConcurrentDeleteReadException extends ConcurrentModificationException {
  public ConcurrentDeleteReadException(String tablePath, long winningVersion, String detail) {
    super(
        tablePath,
        winningVersion,
        "A file this transaction read was removed (concurrent delete-read)"
            + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
  }
}
