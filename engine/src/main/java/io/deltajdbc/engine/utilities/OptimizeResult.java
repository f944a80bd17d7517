package io.deltajdbc.engine.utilities;

/**
 * What OPTIMIZE did, as delta-spark's result row has it: the table's {@code path} and its {@code
 * metrics}. {@code version} is the OPTIMIZE commit's, -1 when nothing needed rewriting (then no
 * commit is written); {@code rewrittenOn} says where the files were rewritten ({@link
 * OptimizeRunner#description}).
 */
public record OptimizeResult(
    String path, OptimizeMetrics metrics, long version, String rewrittenOn) {

  /**
   * delta-spark's {@code OptimizeMetrics}, the fields this engine computes; the rest of
   * delta-spark's struct (auto-compaction and clustering statistics) is null or 0 here, as it is in
   * delta-spark for a manual OPTIMIZE of an unclustered table.
   */
  public record OptimizeMetrics(
      long numFilesAdded,
      long numFilesRemoved,
      FileSizeMetrics filesAdded,
      FileSizeMetrics filesRemoved,
      long partitionsOptimized,
      ZOrderStats zOrderStats,
      long numBatches,
      long totalConsideredFiles,
      long totalFilesSkipped,
      boolean preserveInsertionOrder,
      long numFilesSkippedToReduceWriteAmplification,
      long numBytesSkippedToReduceWriteAmplification,
      long startTimeMs,
      long endTimeMs,
      long totalClusterParallelism,
      long totalScheduledTasks,
      DeletionVectorStats deletionVectorStats,
      long numTableColumns,
      long numTableColumnsWithStats) {}

  /** Sizes of the files added or removed; {@code min} and {@code max} null when there are none. */
  public record FileSizeMetrics(Long min, Long max, double avg, long totalFiles, long totalSize) {}

  /** Z-order's statistics, as delta-spark's {@code ZOrderStats}. */
  public record ZOrderStats(
      String strategyName,
      ZOrderFileStats inputCubeFiles,
      ZOrderFileStats inputOtherFiles,
      long inputNumCubes,
      ZOrderFileStats mergedFiles,
      long numOutputCubes,
      Long mergedNumCubes) {}

  /** A number of files and their total size. */
  public record ZOrderFileStats(long num, long size) {}

  /** The deletion vectors OPTIMIZE removed by rewriting their files, and the rows they deleted. */
  public record DeletionVectorStats(
      long numDeletionVectorsRemoved, long numDeletionVectorRowsRemoved) {}
}
