package io.deltajdbc.engine.internal.skipping;

import io.deltajdbc.engine.actions.FileStats;

/**
 * What a file's statistics say about one column: bounds of its non-null values (null when unknown)
 * and its null count (null when unknown).
 */
public record ColumnStat(Object min, Object max, Long nullCount) {
  public static final ColumnStat UNKNOWN = new ColumnStat(null, null, null);

  /** The statistics of the column at {@code physicalPath}, read as {@code type}. */
  public static ColumnStat of(
      FileStats stats,
      java.util.List<String> physicalPath,
      io.deltajdbc.engine.types.DataType type) {
    return new ColumnStat(
        StatsValues.min(stats.min(physicalPath), type),
        StatsValues.max(stats.max(physicalPath), type),
        stats.nulls(physicalPath));
  }
}
