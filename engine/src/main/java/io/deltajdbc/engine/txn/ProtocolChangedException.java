package io.deltajdbc.engine.txn;

/** The table protocol was changed. */
public final class ProtocolChangedException extends ConcurrentModificationException {
  public ProtocolChangedException(String tablePath, long winningVersion, String detail) {
    super(
        tablePath,
        winningVersion,
        "The table protocol was changed"
            + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
  }
}
