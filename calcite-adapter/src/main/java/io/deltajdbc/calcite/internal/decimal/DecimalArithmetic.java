package io.deltajdbc.calcite.internal.decimal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The run-time half of the decimal operators: called by the code Calcite generates for a query (and
 * by constant folding). Each result is exact before it is rounded half up to the call type's scale,
 * as Spark's {@code CheckOverflow} rounds; a result with more digits than the type's precision is
 * NULL, as in Spark without ANSI mode, and so is a division or remainder by zero. Operands arrive
 * as {@link BigDecimal} or, for an integer operand of a decimal operation, as a boxed integer.
 */
public final class DecimalArithmetic {
  private DecimalArithmetic() {}

  public static BigDecimal add(Object a, Object b, int precision, int scale) {
    return fit(decimal(a).add(decimal(b)), precision, scale);
  }

  public static BigDecimal subtract(Object a, Object b, int precision, int scale) {
    return fit(decimal(a).subtract(decimal(b)), precision, scale);
  }

  public static BigDecimal multiply(Object a, Object b, int precision, int scale) {
    return fit(decimal(a).multiply(decimal(b)), precision, scale);
  }

  /** The quotient rounded half up at the type's scale: one rounding of the exact quotient. */
  public static BigDecimal divide(Object a, Object b, int precision, int scale) {
    BigDecimal divisor = decimal(b);
    if (divisor.signum() == 0) {
      return null;
    }
    return fit(decimal(a).divide(divisor, scale, RoundingMode.HALF_UP), precision, scale);
  }

  public static BigDecimal remainder(Object a, Object b, int precision, int scale) {
    BigDecimal divisor = decimal(b);
    if (divisor.signum() == 0) {
      return null;
    }
    return fit(decimal(a).remainder(divisor), precision, scale);
  }

  /**
   * A decimal (or integer) as a DECIMAL(precision, scale): rounded half up, NULL when it does not
   * fit. A cast declared NOT NULL (of a NOT NULL value) cannot be NULL: it fails instead (22003).
   */
  public static BigDecimal fit(Object value, int precision, int scale, boolean nullable) {
    BigDecimal result = fit(decimal(value), precision, scale);
    if (result == null && !nullable) {
      throw new ArithmeticException(
          "Value "
              + value
              + " cannot be represented as a DECIMAL("
              + precision
              + ", "
              + scale
              + ") (Spark's answer would be NULL; the expression's type is NOT NULL)");
    }
    return result;
  }

  private static BigDecimal fit(BigDecimal exact, int precision, int scale) {
    BigDecimal rounded = exact.setScale(scale, RoundingMode.HALF_UP);
    return rounded.precision() - rounded.scale() > precision - scale && rounded.signum() != 0
        ? null
        : rounded;
  }

  private static BigDecimal decimal(Object o) {
    if (o instanceof BigDecimal d) {
      return d;
    }
    if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
      return BigDecimal.valueOf(((Number) o).longValue());
    }
    throw new IllegalArgumentException(
        "not an exact number: " + o + " (" + o.getClass().getName() + ")");
  }
}
