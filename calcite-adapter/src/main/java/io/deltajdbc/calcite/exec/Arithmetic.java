package io.deltajdbc.calcite.exec;

import io.deltajdbc.calcite.internal.decimal.DecimalArithmetic;
import io.deltajdbc.engine.data.ColumnBatch;
import java.math.BigDecimal;

/**
 * Decimal arithmetic ({@code + - * /}, and the casts to a decimal type) on unscaled longs, with the
 * row path's semantics ({@link DecimalArithmetic}: exact, rounded half up once to the result's
 * scale, NULL when it has more digits than the result's precision): computed in {@code long} while
 * that is exact, and by {@link DecimalArithmetic} on {@link BigDecimal} where it is not.
 */
final class Arithmetic extends Scalar {
  enum Op {
    ADD,
    SUBTRACT,
    MULTIPLY,
    DIVIDE,
    FIT
  }

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

  /**
   * Factors aligning the operands' scales (ADD, SUBTRACT), and taking the exact result to this
   * scale.
   */
  private final long leftFactor;

  private final long rightFactor;
  private final long up;
  private final long down;

  /** False when a factor is beyond a long (or for DIVIDE): every row is computed on BigDecimal. */
  private final boolean inLong;

  private Vec out;

  /** {@code right} is null for {@link Op#FIT}. */
  Arithmetic(Op op, Scalar left, Scalar right, int precision, int scale, boolean nullable) {
    super(Vec.Kind.LONG, scale);
    this.op = op;
    this.left = left;
    this.right = right;
    this.precision = precision;
    this.nullable = nullable;
    int sa = left.scale;
    int sb = right == null ? 0 : right.scale;
    int exactScale =
        switch (op) {
          case ADD, SUBTRACT -> Math.max(sa, sb);
          case MULTIPLY -> sa + sb;
          default -> sa;
        };
    int fa = op == Op.ADD || op == Op.SUBTRACT ? exactScale - sa : 0;
    int fb = op == Op.ADD || op == Op.SUBTRACT ? exactScale - sb : 0;
    int u = Math.max(0, scale - exactScale);
    int d = Math.max(0, exactScale - scale);
    this.inLong =
        op != Op.DIVIDE
            && fa < POWERS.length
            && fb < POWERS.length
            && u < POWERS.length
            && d < POWERS.length;
    this.leftFactor = inLong ? POWERS[fa] : 1;
    this.rightFactor = inLong ? POWERS[fb] : 1;
    this.up = inLong ? POWERS[u] : 1;
    this.down = inLong ? POWERS[d] : 1;
  }

  @Override
  Scalar copy() {
    return new Arithmetic(
        op, left.copy(), right == null ? null : right.copy(), precision, scale, nullable);
  }

  @Override
  Vec eval(ColumnBatch batch, int[] sel, int n) {
    Vec a = left.eval(batch, sel, n);
    Vec b = right == null ? null : right.eval(batch, sel, n);
    int size = batch.size();
    out = Vec.allocate(Vec.Kind.LONG, scale, size, out);
    long limit = precision < 19 ? POWERS[precision] : Long.MAX_VALUE;
    // no NULL and no value beyond a long among the operands: no per-row checks but the overflow's
    boolean plain =
        inLong
            && a.bigs == null
            && a.nulls == null
            && (b == null || (b.bigs == null && b.nulls == null));
    long[] x = a.longs;
    long[] y = b == null ? null : b.longs;
    long[] r = out.longs;
    for (int k = 0; k < n; k++) {
      int i = sel[k];
      if (!plain) {
        if (a.isNull(i) || (b != null && b.isNull(i))) {
          out.setNull(i, size);
          continue;
        }
      }
      if (plain || (inLong && a.big(i) == null && (b == null || b.big(i) == null))) {
        try {
          long v = exact(x[i], y == null ? 0 : y[i]);
          if (v < limit && v > -limit) {
            r[i] = v;
            continue;
          }
        } catch (ArithmeticException overflow) {
          // beyond a long: computed exactly below
        }
      }
      BigDecimal v = slow(a.decimal(i), b == null ? null : b.decimal(i));
      if (v == null) {
        out.setNull(i, size);
      } else if (v.unscaledValue().bitLength() < 64) {
        r[i] = v.unscaledValue().longValue();
      } else {
        out.setBig(i, v, size);
      }
    }
    return out;
  }

  /**
   * The result at this expression's scale, or an ArithmeticException when a step overflows a long.
   */
  private long exact(long a, long b) {
    long v =
        switch (op) {
          case ADD ->
              Math.addExact(Math.multiplyExact(a, leftFactor), Math.multiplyExact(b, rightFactor));
          case SUBTRACT ->
              Math.subtractExact(
                  Math.multiplyExact(a, leftFactor), Math.multiplyExact(b, rightFactor));
          case MULTIPLY -> Math.multiplyExact(a, b);
          default -> a;
        };
    if (down > 1) {
      return roundHalfUp(v, down);
    }
    return up > 1 ? Math.multiplyExact(v, up) : v;
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
