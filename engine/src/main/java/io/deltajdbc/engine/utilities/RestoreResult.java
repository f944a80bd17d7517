package io.deltajdbc.engine.utilities;

/**
 * delta-spark's six RESTORE result columns (also the commit's {@code operationMetrics}), and the
 * version the restore committed. The sizes are in bytes; the "after restore" values are those of
 * the restored version.
 */
public record RestoreResult(
    long tableSizeAfterRestore,
    long numOfFilesAfterRestore,
    long numRemovedFiles,
    long numRestoredFiles,
    long removedFilesSize,
    long restoredFilesSize,
    long version) {}
