package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.internal.skipping.ColumnStat;
import io.deltajdbc.engine.internal.skipping.StatsSource;

/**
 * One file's statistics seen through the scan's columns: data columns from {@code add.stats},
 * partition columns as a constant (min = max = the partition value).
 */
final class FileStatsView implements StatsSource {
  private final ScanColumns columns;
  private final PlannedFile file;

  FileStatsView(ScanColumns columns, PlannedFile file) {
    this.columns = columns;
    this.file = file;
  }

  @Override
  public ColumnStat column(Column c) {
    if (columns.isPartition(c)) {
      if (c.path().size() != 1) {
        return ColumnStat.UNKNOWN;
      }
      Object v = file.partitionValues()[columns.read().indexOf(c.topLevel())];
      Long n = numRecords();
      return new ColumnStat(v, v, v == null ? n : Long.valueOf(0));
    }
    FileStats s = file.stats();
    ScanColumns.StatsPath p = columns.statsPath(c);
    if (p == null || s == FileStats.NONE) {
      return ColumnStat.UNKNOWN;
    }
    return ColumnStat.of(s, p.physical(), p.type());
  }

  @Override
  public Long numRecords() {
    return file.stats().numRecords();
  }

  @Override
  public boolean tightBounds() {
    return file.stats().tightBounds();
  }
}
