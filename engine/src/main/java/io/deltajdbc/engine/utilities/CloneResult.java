package io.deltajdbc.engine.utilities;

/**
 * delta-spark's six CLONE result columns (also the commit's {@code operationMetrics}: a shallow
 * clone copies and removes no file, so the last four are 0), the source version cloned and the
 * version of the target the clone committed. Sizes are in bytes.
 */
public record CloneResult(
    long sourceTableSize,
    long sourceNumOfFiles,
    long numRemovedFiles,
    long numCopiedFiles,
    long removedFilesSize,
    long copiedFilesSize,
    long sourceVersion,
    long version) {}
