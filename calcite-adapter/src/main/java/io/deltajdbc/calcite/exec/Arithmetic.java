package io.deltajdbc.calcite.exec;

import io.deltajdbc.calcite.internal.decimal.DecimalArithmetic;
import io.deltajdbc.engine.data.ColumnBatch;
import java.math.BigDecimal;

/**
 * Decimal arithmetic ({@code + - * /}, and the casts to a decimal type) on unscaled longs, with the
 * row path's semantics ({@link DecimalArithmetic}: exact, rounded half up once to the result's
 * scale, NULL when it has more digits than the result's precision): computed in {@code long}
 * while that is exact, and by {@link DecimalArithmetic} on {@link BigDecimal} where it is not.
 */
final class Arithmetic extends Scalar {
  enum Op { ADD, SUBTRACT, MULTIPLY, DIVIDE, FIT }

  static final long[] POWERS = new long[19];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  private final Op op;
  private final Scalar left;
  private final Scalar right;
  private final int precision;
  private final boolean nullable;
  private Vec out;

  /** {@code right} is null for {@link Op#FIT}. */
  Arithmetic(Op op, Scalar left, Scalar right, int precision, int scale, boolean nullable) {
    super(Vec.Kind.LONG, scale);
    this.op = op;
    this.left = left;
    this.right = right;
    this.precision = precision;
    this.nullable = nullable;
  }

  @Override
  Scalar copy() {
    return new Arithmetic(op, left.copy(), right == null ? null : right.copy(), precision, scale, nullable);
  }

  @Override
  Vec eval(ColumnBatch batch, int[] sel, int n) {
    Vec a = left.eval(batch, sel, n);
    Vec b = right == null ? null : right.eval(batch, sel, n);
    int size = batch.size();
    out = Vec.allocate(Vec.Kind.LONG, scale, size, out);
    long limit = precision < 19 ? POWERS[precision] : Long.MAX_VALUE;
    for (int k = 0; k < n; k++) {
      int i = sel[k];
      if (a.isNull(i) || (b != null && b.isNull(i))) {
        out.setNull(i, size);
        continue;
      }
      if (op != Op.DIVIDE && a.big(i) == null && (b == null || b.big(i) == null)) {
        try {
          long r = exact(a.longs[i], a.scale, b == null ? 0 : b.longs[i], b == null ? 0 : b.scale);
          if (r < limit && r > -limit) {
            out.longs[i] = r;
            continue;
          }
        } catch (ArithmeticException overflow) {
          // beyond a long: computed exactly below
        }
      }
      BigDecimal r = slow(a.decimal(i), b == null ? null : b.decimal(i));
      if (r == null) {
        out.setNull(i, size);
      } else if (r.unscaledValue().bitLength() < 64) {
        out.longs[i] = r.unscaledValue().longValue();
      } else {
        out.setBig(i, r, size);
      }
    }
    return out;
  }

  /** The result at this expression's scale, or an ArithmeticException when a step overflows. */
  private long exact(long a, int sa, long b, int sb) {
    long r;
    int s;
    switch (op) {
      case ADD, SUBTRACT -> {
        s = Math.max(sa, sb);
        long x = Math.multiplyExact(a, power(s - sa));
        long y = Math.multiplyExact(b, power(s - sb));
        r = op == Op.ADD ? Math.addExact(x, y) : Math.subtractExact(x, y);
      }
      case MULTIPLY -> {
        r = Math.multiplyExact(a, b);
        s = sa + sb;
      }
      default -> {
        r = a;
        s = sa;
      }
    }
    if (scale >= s) {
      return Math.multiplyExact(r, power(scale - s));
    }
    return roundHalfUp(r, power(s - scale));
  }

  private static long power(int exponent) {
    if (exponent >= POWERS.length) {
      throw new ArithmeticException("10^" + exponent + " beyond a long");
    }
    return POWERS[exponent];
  }

  /** {@code value / divisor} rounded half up (away from zero at .5), as BigDecimal's HALF_UP. */
  static long roundHalfUp(long value, long divisor) {
    long q = value / divisor;
    long rem = value % divisor;
    if (Math.abs(rem) * 2 >= divisor) {
      q += value < 0 ? -1 : 1;
    }
    return q;
  }

  private BigDecimal slow(BigDecimal a, BigDecimal b) {
    return switch (op) {
      case ADD -> DecimalArithmetic.add(a, b, precision, scale);
      case SUBTRACT -> DecimalArithmetic.subtract(a, b, precision, scale);
      case MULTIPLY -> DecimalArithmetic.multiply(a, b, precision, scale);
      case DIVIDE -> DecimalArithmetic.divide(a, b, precision, scale);
      case FIT -> DecimalArithmetic.fit(a, precision, scale, nullable);
    };
  }
}
