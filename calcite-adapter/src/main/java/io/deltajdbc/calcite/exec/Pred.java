package io.deltajdbc.calcite.exec;

import io.deltajdbc.engine.data.BinaryVector;
import io.deltajdbc.engine.data.ColumnBatch;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled condition in SQL's three-valued logic: {@link #selectTrue} keeps the positions where
 * it is TRUE, {@link #selectFalse} those where it is FALSE (so NOT, and AND/OR under NOT, keep NULL
 * out of both). Positions come in ascending and leave in ascending order. One instance serves one
 * thread.
 */
abstract class Pred {

  /**
   * Writes to {@code out} the positions of {@code in[0 .. n)} where the condition is TRUE; returns
   * how many.
   */
  abstract int selectTrue(ColumnBatch batch, int[] in, int n, int[] out);

  /** The same for FALSE. */
  abstract int selectFalse(ColumnBatch batch, int[] in, int n, int[] out);

  abstract Pred copy();

  static int[] grow(int[] buffer, int size) {
    return buffer != null && buffer.length >= size ? buffer : new int[Math.max(size, 1024)];
  }

  /** A comparison of two scalars: {@code = <> < <= > >=}. */
  static final class Compare extends Pred {
    enum Op {
      EQ,
      NE,
      LT,
      LE,
      GT,
      GE
    }

    private final Op op;
    private final Scalar left;
    private final Scalar right;

    Compare(Op op, Scalar left, Scalar right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    Pred copy() {
      return new Compare(op, left.copy(), right.copy());
    }

    @Override
    int selectTrue(ColumnBatch batch, int[] in, int n, int[] out) {
      return select(batch, in, n, out, true);
    }

    @Override
    int selectFalse(ColumnBatch batch, int[] in, int n, int[] out) {
      return select(batch, in, n, out, false);
    }

    private int select(ColumnBatch batch, int[] in, int n, int[] out, boolean want) {
      Vec a = left.eval(batch, in, n);
      int m = 0;
      if (right instanceof Scalar.Constant c
          && a.kind == Vec.Kind.LONG
          && c.kind == Vec.Kind.LONG
          && !c.isNull
          && c.big == null
          && a.bigs == null
          && c.scale <= a.scale
          && c.scale + 18 >= a.scale) {
        long k = c.longValue;
        long bound;
        try {
          bound = Math.multiplyExact(k, Arithmetic.POWERS[a.scale - c.scale]);
        } catch (ArithmeticException e) {
          bound = Long.MIN_VALUE;
        }
        if (bound != Long.MIN_VALUE) {
          long[] v = a.longs;
          boolean[] nulls = a.nulls;
          for (int j = 0; j < n; j++) {
            int i = in[j];
            if (nulls == null || !nulls[i]) {
              long x = v[i];
              boolean r =
                  switch (op) {
                    case EQ -> x == bound;
                    case NE -> x != bound;
                    case LT -> x < bound;
                    case LE -> x <= bound;
                    case GT -> x > bound;
                    case GE -> x >= bound;
                  };
              if (r == want) {
                out[m++] = i;
              }
            }
          }
          return m;
        }
      }
      Vec b = right.eval(batch, in, n);
      boolean doubles = a.kind == Vec.Kind.DOUBLE || b.kind == Vec.Kind.DOUBLE;
      boolean bytes = a.kind == Vec.Kind.BYTES || b.kind == Vec.Kind.BYTES;
      for (int j = 0; j < n; j++) {
        int i = in[j];
        if (a.isNull(i) || b.isNull(i)) {
          continue;
        }
        boolean r;
        if (bytes) {
          r = bytesEqual(a, b, i) == (op == Op.EQ);
        } else if (doubles) {
          // Java's primitive comparisons, as the row path evaluates them: NaN is unequal to
          // everything
          double x = a.asDouble(i);
          double y = b.asDouble(i);
          r =
              switch (op) {
                case EQ -> x == y;
                case NE -> x != y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
              };
        } else {
          int cmp =
              a.big(i) == null && b.big(i) == null && a.scale == b.scale
                  ? Long.compare(a.longs[i], b.longs[i])
                  : a.decimal(i).compareTo(b.decimal(i));
          r =
              switch (op) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
              };
        }
        if (r == want) {
          out[m++] = i;
        }
      }
      return m;
    }

    private static boolean bytesEqual(Vec a, Vec b, int i) {
      byte[] x;
      int xo;
      int xl;
      if (a.bytes != null) {
        x = a.bytes.bytes();
        xo = a.bytes.offset(i);
        xl = a.bytes.length(i);
      } else {
        throw new IllegalStateException("not a string operand");
      }
      if (b.bytes != null) {
        BinaryVector y = b.bytes;
        return Arrays.equals(x, xo, xo + xl, y.bytes(), y.offset(i), y.offset(i) + y.length(i));
      }
      throw new IllegalStateException("not a string operand");
    }
  }

  /** A test of each non-null value of a string column, on its UTF-8 bytes; NULL for NULL. */
  abstract static class BytesTest extends Pred {
    private final Scalar.ColumnRef column;

    BytesTest(Scalar.ColumnRef column) {
      this.column = column;
    }

    /** True when the value in {@code data[from, to)} passes. */
    abstract boolean test(byte[] data, int from, int to);

    @Override
    Pred copy() {
      return this;
    }

    @Override
    int selectTrue(ColumnBatch batch, int[] in, int n, int[] out) {
      return select(batch, in, n, out, true);
    }

    @Override
    int selectFalse(ColumnBatch batch, int[] in, int n, int[] out) {
      return select(batch, in, n, out, false);
    }

    private int select(ColumnBatch batch, int[] in, int n, int[] out, boolean want) {
      BinaryVector v = (BinaryVector) batch.column(column.index);
      byte[] data = v.bytes();
      int m = 0;
      for (int j = 0; j < n; j++) {
        int i = in[j];
        if (!v.isNull(i) && test(data, v.offset(i), v.offset(i) + v.length(i)) == want) {
          out[m++] = i;
        }
      }
      return m;
    }
  }

  /**
   * A string column compared with a constant: {@code =}, {@code <>}, or LIKE with a prefix pattern.
   */
  static final class BytesMatch extends BytesTest {
    enum Op {
      EQ,
      NE,
      PREFIX
    }

    private final Op op;
    private final byte[] constant;

    BytesMatch(Op op, Scalar.ColumnRef column, byte[] constant) {
      super(column);
      this.op = op;
      this.constant = constant;
    }

    @Override
    boolean test(byte[] data, int from, int to) {
      int l = to - from;
      return switch (op) {
        case EQ -> l == constant.length && Arrays.equals(data, from, to, constant, 0, l);
        case NE -> !(l == constant.length && Arrays.equals(data, from, to, constant, 0, l));
        case PREFIX ->
            l >= constant.length
                && Arrays.equals(data, from, from + constant.length, constant, 0, constant.length);
      };
    }
  }

  /**
   * A string column {@code LIKE} a pattern of text and {@code %}s, matched on the UTF-8 bytes: each
   * piece at its first place after the previous one (exact without {@code _}, whose one character
   * may be several bytes).
   */
  static final class BytesLike extends BytesTest {
    private final byte[][] pieces;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;

    BytesLike(
        Scalar.ColumnRef column, byte[][] pieces, boolean anchoredStart, boolean anchoredEnd) {
      super(column);
      this.pieces = pieces;
      this.anchoredStart = anchoredStart;
      this.anchoredEnd = anchoredEnd;
    }

    @Override
    boolean test(byte[] data, int start, int end) {
      if (pieces.length == 0) {
        return !anchoredStart || start == end;
      }
      int from = start;
      for (int k = 0; k < pieces.length; k++) {
        byte[] p = pieces[k];
        boolean first = k == 0;
        boolean last = k == pieces.length - 1;
        if (last && anchoredEnd) {
          int at = end - p.length;
          return at >= from
              && Arrays.equals(data, at, end, p, 0, p.length)
              && (!first || !anchoredStart || at == start);
        }
        int at =
            first && anchoredStart
                ? (end - start >= p.length
                        && Arrays.equals(data, start, start + p.length, p, 0, p.length)
                    ? start
                    : -1)
                : find(data, from, end, p);
        if (at < 0) {
          return false;
        }
        from = at + p.length;
      }
      return true;
    }

    private static int find(byte[] data, int from, int end, byte[] p) {
      byte head = p[0];
      for (int at = from, lastStart = end - p.length; at <= lastStart; at++) {
        if (data[at] == head && Arrays.equals(data, at, at + p.length, p, 0, p.length)) {
          return at;
        }
      }
      return -1;
    }
  }

  /** {@code IS NULL} / {@code IS NOT NULL}: never NULL itself. */
  static final class IsNull extends Pred {
    private final Scalar operand;
    private final boolean negated;

    IsNull(Scalar operand, boolean negated) {
      this.operand = operand;
      this.negated = negated;
    }

    @Override
    Pred copy() {
      return new IsNull(operand.copy(), negated);
    }

    @Override
    int selectTrue(ColumnBatch batch, int[] in, int n, int[] out) {
      return select(batch, in, n, out, !negated);
    }

    @Override
    int selectFalse(ColumnBatch batch, int[] in, int n, int[] out) {
      return select(batch, in, n, out, negated);
    }

    private int select(ColumnBatch batch, int[] in, int n, int[] out, boolean wantNull) {
      Vec v = operand.eval(batch, in, n);
      int m = 0;
      for (int j = 0; j < n; j++) {
        if (v.isNull(in[j]) == wantNull) {
          out[m++] = in[j];
        }
      }
      return m;
    }
  }

  /** A boolean-valued scalar (a boolean column): TRUE where 1, FALSE where 0. */
  static final class IsTrue extends Pred {
    private final Scalar operand;

    IsTrue(Scalar operand) {
      this.operand = operand;
    }

    @Override
    Pred copy() {
      return new IsTrue(operand.copy());
    }

    @Override
    int selectTrue(ColumnBatch batch, int[] in, int n, int[] out) {
      return select(batch, in, n, out, 1);
    }

    @Override
    int selectFalse(ColumnBatch batch, int[] in, int n, int[] out) {
      return select(batch, in, n, out, 0);
    }

    private int select(ColumnBatch batch, int[] in, int n, int[] out, long want) {
      Vec v = operand.eval(batch, in, n);
      int m = 0;
      for (int j = 0; j < n; j++) {
        int i = in[j];
        if (!v.isNull(i) && v.longs[i] == want) {
          out[m++] = i;
        }
      }
      return m;
    }
  }

  /** NOT: TRUE where the operand is FALSE and the other way round. */
  static final class Not extends Pred {
    private final Pred operand;

    Not(Pred operand) {
      this.operand = operand;
    }

    @Override
    Pred copy() {
      return new Not(operand.copy());
    }

    @Override
    int selectTrue(ColumnBatch batch, int[] in, int n, int[] out) {
      return operand.selectFalse(batch, in, n, out);
    }

    @Override
    int selectFalse(ColumnBatch batch, int[] in, int n, int[] out) {
      return operand.selectTrue(batch, in, n, out);
    }
  }

  /**
   * AND / OR of operands. AND is TRUE where every operand is (each narrows the positions of the
   * last), FALSE where any is; OR the other way round.
   */
  static final class Junction extends Pred {
    private final boolean and;
    private final List<Pred> operands;
    private int[] scratch;
    private int[] rest;

    Junction(boolean and, List<Pred> operands) {
      this.and = and;
      this.operands = operands;
    }

    @Override
    Pred copy() {
      return new Junction(and, operands.stream().map(Pred::copy).toList());
    }

    @Override
    int selectTrue(ColumnBatch batch, int[] in, int n, int[] out) {
      return and ? narrow(batch, in, n, out, true) : union(batch, in, n, out, true);
    }

    @Override
    int selectFalse(ColumnBatch batch, int[] in, int n, int[] out) {
      return and ? union(batch, in, n, out, false) : narrow(batch, in, n, out, false);
    }

    /** Positions where every operand has the wanted value. */
    private int narrow(ColumnBatch batch, int[] in, int n, int[] out, boolean want) {
      scratch = grow(scratch, n);
      int[] current = in;
      int m = n;
      for (int k = 0; k < operands.size() && m > 0; k++) {
        int[] target = k % 2 == 0 ? out : scratch;
        m =
            want
                ? operands.get(k).selectTrue(batch, current, m, target)
                : operands.get(k).selectFalse(batch, current, m, target);
        current = target;
      }
      if (current != out) {
        System.arraycopy(current, 0, out, 0, m);
      }
      return m;
    }

    /**
     * Positions where some operand has the wanted value: each operand looks only at the positions
     * not yet taken.
     */
    private int union(ColumnBatch batch, int[] in, int n, int[] out, boolean want) {
      scratch = grow(scratch, n);
      rest = grow(rest, n);
      System.arraycopy(in, 0, rest, 0, n);
      int left = n;
      boolean[] taken = new boolean[batch.size()];
      int total = 0;
      for (Pred p : operands) {
        if (left == 0) {
          break;
        }
        int m =
            want
                ? p.selectTrue(batch, rest, left, scratch)
                : p.selectFalse(batch, rest, left, scratch);
        for (int j = 0; j < m; j++) {
          taken[scratch[j]] = true;
        }
        total += m;
        int r = 0;
        for (int j = 0; j < left; j++) {
          if (!taken[rest[j]]) {
            rest[r++] = rest[j];
          }
        }
        left = r;
      }
      int m = 0;
      for (int j = 0; j < n && m < total; j++) {
        if (taken[in[j]]) {
          out[m++] = in[j];
        }
      }
      return m;
    }
  }
}
