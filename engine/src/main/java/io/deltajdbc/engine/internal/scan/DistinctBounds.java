package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.internal.skipping.ColumnStat;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Upper bounds on how many distinct non-null values each read column holds in a scan's files, from
 * the log alone: a partition column holds as many as its files have partition values; an integer or
 * date column no more than the span of its statistics' bounds over all files, nor more than the
 * files' rows; other columns are unknown. For planners' join estimates, never for answers.
 */
final class DistinctBounds {
  private DistinctBounds() {}

  /** One bound per column of {@code columns.read()}; {@code files} with their statistics parsed. */
  static OptionalLong[] of(ScanColumns columns, List<PlannedFile> files, long rows) {
    StructType read = columns.read();
    OptionalLong[] bounds = new OptionalLong[read.size()];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = of(columns, files, i, rows);
    }
    return bounds;
  }

  private static OptionalLong of(
      ScanColumns columns, List<PlannedFile> files, int index, long rows) {
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
      ColumnStat stat = new FileStatsView(columns, f).column(column);
      if (stat.nullCount() != null && stat.nullCount().equals(f.stats().numRecords())) {
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
    return OptionalLong.of(
        span <= 0 ? rows : Math.min(span, rows)); // span <= 0: the subtraction overflowed
  }

  private static boolean integral(DataType type) {
    return type == PrimitiveType.LONG
        || type == PrimitiveType.INTEGER
        || type == PrimitiveType.SHORT
        || type == PrimitiveType.BYTE
        || type == PrimitiveType.DATE;
  }

  private static long asLong(Object v) {
    return v instanceof LocalDate d ? d.toEpochDay() : ((Number) v).longValue();
  }
}
