package io.deltajdbc.engine.data;

import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A column of 64-bit values: integral types, booleans (0 or 1), dates (days since 1970-01-01),
 * timestamps (microseconds since the epoch) and decimals of precision up to 18 (unscaled).
 */
public final class LongVector implements ColumnVector {
  /** The widest decimal whose unscaled values always fit a {@code long}. */
  public static final int MAX_LONG_DECIMAL_PRECISION = 18;

  private final DataType type;
  private final Nulls nulls = new Nulls();
  private long[] values;

  public LongVector(DataType type, int capacity) {
    this.type = type;
    this.values = new long[capacity];
    nulls.reset(capacity);
  }

  @Override
  public DataType type() {
    return type;
  }

  /** The values; entries of NULL rows are undefined. */
  public long[] values() {
    return values;
  }

  /** The null flags (true: NULL), or null when no row of the batch is NULL. */
  public boolean[] nullsOrNull() {
    return nulls.any() ? nulls.array() : null;
  }

  @Override
  public void reset(int n) {
    if (values.length < n) {
      values = new long[Math.max(n, values.length * 2)];
    }
    nulls.reset(n);
  }

  @Override
  public void setNull(int i) {
    nulls.set(i);
  }

  @Override
  public boolean isNull(int i) {
    return nulls.get(i);
  }

  @Override
  public boolean mayHaveNulls() {
    return nulls.any();
  }

  @Override
  public Object get(int i) {
    if (nulls.get(i)) {
      return null;
    }
    long v = values[i];
    if (type instanceof DecimalType d) {
      return BigDecimal.valueOf(v, d.scale());
    }
    return switch ((PrimitiveType) type) {
      case LONG -> v;
      case INTEGER -> (int) v;
      case SHORT -> (short) v;
      case BYTE -> (byte) v;
      case BOOLEAN -> v != 0;
      case DATE -> LocalDate.ofEpochDay(v);
      case TIMESTAMP ->
          Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000L);
      case TIMESTAMP_NTZ ->
          LocalDateTime.ofEpochSecond(
              Math.floorDiv(v, 1_000_000L),
              (int) (Math.floorMod(v, 1_000_000L) * 1000L),
              ZoneOffset.UTC);
      default -> throw new IllegalStateException("no long representation of " + type);
    };
  }
}
