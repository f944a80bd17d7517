package io.deltajdbc.engine.txn;

/**
 * The outcome of a commit: the version written (or, when the transaction was an idempotent repeat,
 * the version read and {@code skipped} true) and how many attempts it took.
 */
public record CommitResult(long version, int attempts, boolean skipped) {}
