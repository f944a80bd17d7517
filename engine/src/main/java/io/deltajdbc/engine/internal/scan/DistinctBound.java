package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.internal.skipping.ColumnStat;
import io.deltajdbc.engine.internal.skipping.FileStats;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An upper bound on how many distinct non-null values a column holds in a scan's files, from the
 * log alone: a partition column holds as many as its files have partition values; an integer or
 * date column no more than the span of its statistics' bounds over all files, nor more than the
 * files' rows. For planners' join estimates; never for answers.
 */
final class DistinctBound {
  private DistinctBound() {}

  static OptionalLong of(ScanColumns columns, List<PlannedFile> files, String name, long rows) {
    int index = columns.read().indexOf(name);
    if (index < 0) {
      return OptionalLong.empty();
    }
    StructField field = columns.read().field(index);
    Column column = Column.of(field.name());
    if (columns.isPartition(column)) {
      Set<Object> values = new HashSet<>();
      for (PlannedFile f : files) {
        Object v = f.partitionValues()[index];
        if (v != null) {
          values.add(v);
        }
      }
      return OptionalLong.of(values.size());
    }
    if (!integral(field.type())) {
      return OptionalLong.empty();
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (PlannedFile f : files) {
      FileStats stats = f.stats() == FileStats.NONE ? FileStats.parse(f.add().stats()) : f.stats();
      ColumnStat stat = new FileStatsView(columns, new PlannedFile(f.add(), f.partitionValues(), stats)).column(column);
      if (stat.nullCount() != null && stat.nullCount().equals(stats.numRecords())) {
        continue; // only nulls
      }
      if (stat.min() == null || stat.max() == null) {
        return OptionalLong.empty();
      }
      min = Math.min(min, asLong(stat.min()));
      max = Math.max(max, asLong(stat.max()));
    }
    if (min > max) {
      return OptionalLong.of(0);
    }
    long span = max - min + 1;
    return OptionalLong.of(span <= 0 ? rows : Math.min(span, rows)); // span <= 0: the subtraction overflowed
  }

  private static boolean integral(DataType type) {
    return type == PrimitiveType.LONG || type == PrimitiveType.INTEGER || type == PrimitiveType.SHORT
        || type == PrimitiveType.BYTE || type == PrimitiveType.DATE;
  }

  private static long asLong(Object v) {
    return v instanceof LocalDate d ? d.toEpochDay() : ((Number) v).longValue();
  }
}
