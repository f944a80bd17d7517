package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.ScanSplit;
import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.internal.skipping.ColumnStat;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A whole file's statistics from the log where they are exact (see {@link ScanSplit.ExactStats}):
 * bounds of data columns as the statistics give them, converted to the column's row type; partition
 * columns as the file's one value.
 */
final class LogStats implements ScanSplit.ExactStats {
  private final ScanColumns columns;
  private final PlannedFile file;
  private final long rows;

  private LogStats(ScanColumns columns, PlannedFile file, long rows) {
    this.columns = columns;
    this.file = file;
    this.rows = rows;
  }

  /**
   * The file's exact statistics, or empty when it has a deletion vector or loose or no statistics.
   */
  static Optional<ScanSplit.ExactStats> of(ScanColumns columns, PlannedFile file) {
    if (file.add().deletionVector() != null) {
      return Optional.empty();
    }
    FileStats stats =
        file.stats() == FileStats.NONE ? FileStats.parse(file.add().stats()) : file.stats();
    if (stats.numRecords() == null || !stats.tightBounds()) {
      return Optional.empty();
    }
    PlannedFile parsed = new PlannedFile(file.add(), file.partitionValues(), stats);
    return Optional.of(new LogStats(columns, parsed, stats.numRecords()));
  }

  @Override
  public long rowCount() {
    return rows;
  }

  @Override
  public Optional<ScanSplit.ColumnBounds> column(int column) {
    StructField field = columns.read().field(column);
    DataType type = field.type();
    if (!exact(type)) {
      return Optional.empty();
    }
    ColumnStat stat = new FileStatsView(columns, file).column(Column.of(field.name()));
    if (stat.nullCount() == null || stat.nullCount() > rows) {
      return Optional.empty();
    }
    if (stat.nullCount() == rows) {
      return Optional.of(new ScanSplit.ColumnBounds(null, null, rows));
    }
    if (stat.min() == null || stat.max() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ScanSplit.ColumnBounds(
              value(stat.min(), type), value(stat.max(), type), stat.nullCount()));
    } catch (ArithmeticException e) {
      return Optional
          .empty(); // a decimal bound with more digits than its column's scale: not to be trusted
    }
  }

  private static boolean exact(DataType type) {
    return type instanceof DecimalType
        || type == PrimitiveType.LONG
        || type == PrimitiveType.INTEGER
        || type == PrimitiveType.SHORT
        || type == PrimitiveType.BYTE
        || type == PrimitiveType.DATE;
  }

  /** A statistics value (integers as {@code Long}) or partition value as a row holds it. */
  private static Object value(Object v, DataType type) {
    if (type instanceof DecimalType d) {
      return ((BigDecimal) v).setScale(d.scale(), RoundingMode.UNNECESSARY);
    }
    if (v instanceof Number n) {
      return switch ((PrimitiveType) type) {
        case INTEGER -> n.intValue();
        case SHORT -> n.shortValue();
        case BYTE -> n.byteValue();
        default -> n.longValue();
      };
    }
    return v;
  }
}
