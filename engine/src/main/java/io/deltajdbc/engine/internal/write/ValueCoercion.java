package io.deltajdbc.engine.internal.write;

import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Brings a value to the Java class of its column ({@link io.deltajdbc.engine.data.Row}): numbers of
 * another class are converted when they fit exactly, decimals are set to the column's scale, dates
 * and timestamps must be within Delta's range. Returns null when the value cannot be stored; the
 * caller reports it.
 */
final class ValueCoercion {
  private static final Object NO_FIT = new Object();

  private ValueCoercion() {}

  /** The coerced value, or {@link #NO_FIT}. */
  static Object coerce(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type instanceof DecimalType d) {
      if (!(v instanceof Number n)) {
        return NO_FIT;
      }
      BigDecimal b = toBigDecimal(n);
      if (b == null) {
        return NO_FIT;
      }
      try {
        BigDecimal scaled = b.setScale(d.scale(), RoundingMode.UNNECESSARY);
        return scaled.precision() - scaled.scale() > d.precision() - d.scale() ? NO_FIT : scaled;
      } catch (ArithmeticException e) {
        return NO_FIT;
      }
    }
    if (!(type instanceof PrimitiveType p)) {
      return v;
    }
    if (p == PrimitiveType.DATE
        || p == PrimitiveType.TIMESTAMP
        || p == PrimitiveType.TIMESTAMP_NTZ) {
      return inRange(v) ? v : NO_FIT;
    }
    if (!(v instanceof Number n)
        || !p.isIntegral() && p != PrimitiveType.FLOAT && p != PrimitiveType.DOUBLE) {
      return v;
    }
    // A value already of the column's class (the usual case) is returned without a BigDecimal.
    try {
      return switch (p) {
        case LONG -> v instanceof Long ? v : toBigDecimal(n).longValueExact();
        case INTEGER -> v instanceof Integer ? v : toBigDecimal(n).intValueExact();
        case SHORT -> v instanceof Short ? v : toBigDecimal(n).shortValueExact();
        case BYTE -> v instanceof Byte ? v : toBigDecimal(n).byteValueExact();
        case DOUBLE -> v instanceof Double ? v : (Object) n.doubleValue();
        case FLOAT -> v instanceof Float ? v : (Object) n.floatValue();
        default -> v;
      };
    } catch (ArithmeticException | NullPointerException e) {
      return NO_FIT;
    }
  }

  /**
   * Whether a date or timestamp fits Delta's storage: days since the epoch in an int, microseconds
   * since the epoch in a long (about 290,000 years either side). Beyond that the Parquet writer's
   * arithmetic would overflow, or a cast would wrap the value into another date.
   */
  private static boolean inRange(Object v) {
    try {
      if (v instanceof LocalDate d) {
        long days = d.toEpochDay();
        return days == (int) days;
      }
      Instant i =
          v instanceof LocalDateTime t
              ? t.toInstant(ZoneOffset.UTC)
              : v instanceof Instant x ? x : null;
      if (i != null) {
        Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
      }
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  /**
   * Whether a value that does not fit is of its column's kind but too large (a number for a number,
   * a date or time for a date or timestamp), rather than of another kind altogether.
   */
  static boolean outOfRange(Object v, DataType type) {
    if (type instanceof DecimalType) {
      return v instanceof Number;
    }
    if (!(type instanceof PrimitiveType p)) {
      return false;
    }
    if (p == PrimitiveType.DATE
        || p == PrimitiveType.TIMESTAMP
        || p == PrimitiveType.TIMESTAMP_NTZ) {
      return v instanceof java.time.temporal.Temporal;
    }
    return v instanceof Number
        && (p.isIntegral() || p == PrimitiveType.FLOAT || p == PrimitiveType.DOUBLE);
  }

  static boolean fits(Object coerced) {
    return coerced != NO_FIT;
  }

  private static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    return BigDecimal.valueOf(n.longValue());
  }
}
