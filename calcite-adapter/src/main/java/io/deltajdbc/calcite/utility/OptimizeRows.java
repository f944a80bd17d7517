package io.deltajdbc.calcite.utility;

import static io.deltajdbc.engine.types.PrimitiveType.BOOLEAN;
import static io.deltajdbc.engine.types.PrimitiveType.DOUBLE;
import static io.deltajdbc.engine.types.PrimitiveType.LONG;
import static io.deltajdbc.engine.types.PrimitiveType.STRING;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.engine.utilities.OptimizeResult;
import io.deltajdbc.engine.utilities.OptimizeResult.FileSizeMetrics;
import io.deltajdbc.engine.utilities.OptimizeResult.OptimizeMetrics;
import io.deltajdbc.engine.utilities.OptimizeResult.ZOrderFileStats;

/** OPTIMIZE's result row as delta-spark's: {@code path} and the {@code metrics} struct. */
public final class OptimizeRows {
  private static final StructType FILE_SIZES =
      StructType.of(
          new StructField("min", LONG, true),
          new StructField("max", LONG, true),
          new StructField("avg", DOUBLE, false),
          new StructField("totalFiles", LONG, false),
          new StructField("totalSize", LONG, false));

  private static final StructType ZORDER_FILES =
      StructType.of(new StructField("num", LONG, false), new StructField("size", LONG, false));

  private static final StructType CLUSTERING_FILES =
      StructType.of(new StructField("numFiles", LONG, false), new StructField("size", LONG, false));

  /** delta-spark's OPTIMIZE result columns. */
  public static final StructType SCHEMA =
      StructType.of(
          new StructField("path", STRING, true),
          new StructField(
              "metrics",
              StructType.of(
                  new StructField("numFilesAdded", LONG, false),
                  new StructField("numFilesRemoved", LONG, false),
                  new StructField("filesAdded", FILE_SIZES, true),
                  new StructField("filesRemoved", FILE_SIZES, true),
                  new StructField("partitionsOptimized", LONG, false),
                  new StructField(
                      "zOrderStats",
                      StructType.of(
                          new StructField("strategyName", STRING, true),
                          new StructField("inputCubeFiles", ZORDER_FILES, true),
                          new StructField("inputOtherFiles", ZORDER_FILES, true),
                          new StructField("inputNumCubes", LONG, false),
                          new StructField("mergedFiles", ZORDER_FILES, true),
                          new StructField("numOutputCubes", LONG, false),
                          new StructField("mergedNumCubes", LONG, true)),
                      true),
                  new StructField(
                      "clusteringStats",
                      StructType.of(
                          new StructField("inputZCubeFiles", CLUSTERING_FILES, true),
                          new StructField("inputOtherFiles", CLUSTERING_FILES, true),
                          new StructField("inputNumZCubes", LONG, false),
                          new StructField("mergedFiles", CLUSTERING_FILES, true),
                          new StructField("numOutputZCubes", LONG, false)),
                      true),
                  new StructField("numBatches", LONG, false),
                  new StructField("totalConsideredFiles", LONG, false),
                  new StructField("totalFilesSkipped", LONG, false),
                  new StructField("preserveInsertionOrder", BOOLEAN, false),
                  new StructField("numFilesSkippedToReduceWriteAmplification", LONG, false),
                  new StructField("numBytesSkippedToReduceWriteAmplification", LONG, false),
                  new StructField("startTimeMs", LONG, false),
                  new StructField("endTimeMs", LONG, false),
                  new StructField("totalClusterParallelism", LONG, false),
                  new StructField("totalScheduledTasks", LONG, false),
                  new StructField(
                      "autoCompactParallelismStats",
                      StructType.of(
                          new StructField("maxClusterActiveParallelism", LONG, true),
                          new StructField("minClusterActiveParallelism", LONG, true),
                          new StructField("maxSessionActiveParallelism", LONG, true),
                          new StructField("minSessionActiveParallelism", LONG, true)),
                      true),
                  new StructField(
                      "deletionVectorStats",
                      StructType.of(
                          new StructField("numDeletionVectorsRemoved", LONG, false),
                          new StructField("numDeletionVectorRowsRemoved", LONG, false)),
                      true),
                  new StructField("numTableColumns", LONG, false),
                  new StructField("numTableColumnsWithStats", LONG, false)),
              true));

  private OptimizeRows() {}

  public static Row of(OptimizeResult r) {
    OptimizeMetrics m = r.metrics();
    Row zOrder =
        m.zOrderStats() == null
            ? null
            : Row.of(
                m.zOrderStats().strategyName(),
                files(m.zOrderStats().inputCubeFiles()),
                files(m.zOrderStats().inputOtherFiles()),
                m.zOrderStats().inputNumCubes(),
                files(m.zOrderStats().mergedFiles()),
                m.zOrderStats().numOutputCubes(),
                m.zOrderStats().mergedNumCubes());
    Row dvs =
        m.deletionVectorStats() == null
            ? null
            : Row.of(
                m.deletionVectorStats().numDeletionVectorsRemoved(),
                m.deletionVectorStats().numDeletionVectorRowsRemoved());
    return Row.of(
        r.path(),
        Row.of(
            m.numFilesAdded(),
            m.numFilesRemoved(),
            sizes(m.filesAdded()),
            sizes(m.filesRemoved()),
            m.partitionsOptimized(),
            zOrder,
            null,
            m.numBatches(),
            m.totalConsideredFiles(),
            m.totalFilesSkipped(),
            m.preserveInsertionOrder(),
            m.numFilesSkippedToReduceWriteAmplification(),
            m.numBytesSkippedToReduceWriteAmplification(),
            m.startTimeMs(),
            m.endTimeMs(),
            m.totalClusterParallelism(),
            m.totalScheduledTasks(),
            null,
            dvs,
            m.numTableColumns(),
            m.numTableColumnsWithStats()));
  }

  private static Row sizes(FileSizeMetrics s) {
    return Row.of(s.min(), s.max(), s.avg(), s.totalFiles(), s.totalSize());
  }

  private static Row files(ZOrderFileStats f) {
    return f == null ? null : Row.of(f.num(), f.size());
  }
}
