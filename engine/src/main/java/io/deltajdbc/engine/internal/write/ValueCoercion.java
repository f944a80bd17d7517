package io.deltajdbc.engine.internal.write;

import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Brings a value to the Java class of its column ({@link io.deltajdbc.engine.data.Row}): numbers
 * of another class are converted when they fit exactly, decimals are set to the column's scale.
 * Returns null when the value cannot be stored; the caller reports it.
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
    if (!(v instanceof Number n) || !p.isIntegral() && p != PrimitiveType.FLOAT && p != PrimitiveType.DOUBLE) {
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
