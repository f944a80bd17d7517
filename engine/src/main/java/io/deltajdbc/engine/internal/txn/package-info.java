/**
 * The optimistic transaction: staging, commit with create-if-absent, conflict checks against
 * winning commits (after delta-io/delta's ConflictChecker), table creation with the lowest protocol
 * its features need, and post-commit checkpoints and log cleanup.
 */
package io.deltajdbc.engine.internal.txn;
