package io.deltajdbc.engine.txn;

/** The table metadata (schema or properties) was changed. */
public final class MetadataChangedException extends ConcurrentModificationException {
  public MetadataChangedException(String tablePath, long winningVersion, String detail) {
    super(
        tablePath,
        winningVersion,
        "The table metadata (schema or properties) was changed"
            + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
  }
}
