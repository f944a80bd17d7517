package io.deltajdbc.engine.txn;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.ErrorCode;

/**
 * A concurrent commit won the race for a version and changed what this transaction depends on: one
 * subclass per rule of Delta's conflict checker. The table is unchanged by this transaction;
 * retrying it from a new snapshot may succeed.
 */
public abstract sealed class ConcurrentModificationException extends DeltaException
    permits ConcurrentAppendException,
        ConcurrentDeleteReadException,
        ConcurrentDeleteDeleteException,
        MetadataChangedException,
        ProtocolChangedException,
        ConcurrentTransactionException {
  private final long winningVersion;

  protected ConcurrentModificationException(String tablePath, long winningVersion, String what) {
    super(
        ErrorCode.CONCURRENT_MODIFICATION,
        what
            + " by the concurrent commit of version "
            + winningVersion
            + " of table "
            + tablePath
            + ". This transaction was not committed; retry it on the new version.",
        tablePath,
        winningVersion,
        null);
    this.winningVersion = winningVersion;
  }

  /** The version whose commit conflicts with this transaction. */
  public long winningVersion() {
    return winningVersion;
  }
}
