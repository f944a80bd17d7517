package io.deltajdbc.calcite.exec;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The running state of one aggregate call for every group: updated from a batch's values, merged
 * with another split's state, and read out as the call's result value (Calcite's representation,
 * before the result type's conversion).
 */
abstract class Accumulator {
  /** Makes room for groups {@code 0 .. groups)}. */
  abstract void ensure(int groups);

  /**
   * Adds the rows {@code sel[0 .. n)} of {@code values} (null for COUNT(*)) to their groups {@code
   * group[row]}.
   */
  abstract void add(Vec values, int[] sel, int n, int[] group);

  /**
   * Adds group {@code og} of {@code other} (an accumulator of the same call) to group {@code g}.
   */
  abstract void merge(int g, Accumulator other, int og);

  /** The result of group {@code g}: a Long, BigDecimal, Double, or null. */
  abstract Object result(int g);

  /** COUNT(*) or COUNT(x): rows, or rows where x is not NULL. */
  static final class Count extends Accumulator {
    private long[] counts = new long[16];

    @Override
    void ensure(int groups) {
      if (counts.length < groups) {
        counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
      }
    }

    @Override
    void add(Vec values, int[] sel, int n, int[] group) {
      for (int j = 0; j < n; j++) {
        int i = sel[j];
        if (values == null || !values.isNull(i)) {
          counts[group[i]]++;
        }
      }
    }

    @Override
    void merge(int g, Accumulator other, int og) {
      counts[g] += ((Count) other).counts[og];
    }

    /** Counts {@code n} rows of group {@code g} at once (a file's count from the log). */
    void addRows(int g, long n) {
      counts[g] += n;
    }

    @Override
    Object result(int g) {
      return counts[g];
    }
  }

  /**
   * SUM of exact numbers (integers, or decimals unscaled at the argument's scale): in a long while
   * the sum fits, exactly in a BigDecimal from the first overflow on; integers wrap around as
   * Java's long addition does when {@code wrap} (the row path's BIGINT sum).
   */
  static final class ExactSum extends Accumulator {
    private final int scale;
    private final boolean wrap;
    private final boolean zeroWhenEmpty;
    private long[] sums = new long[16];
    private boolean[] seen = new boolean[16];
    private BigDecimal[] big = new BigDecimal[16];

    ExactSum(int scale, boolean wrap, boolean zeroWhenEmpty) {
      this.scale = scale;
      this.wrap = wrap;
      this.zeroWhenEmpty = zeroWhenEmpty;
    }

    @Override
    void ensure(int groups) {
      if (sums.length < groups) {
        int cap = Math.max(groups, sums.length * 2);
        sums = Arrays.copyOf(sums, cap);
        seen = Arrays.copyOf(seen, cap);
        big = Arrays.copyOf(big, cap);
      }
    }

    @Override
    void add(Vec values, int[] sel, int n, int[] group) {
      long[] v = values.longs;
      for (int j = 0; j < n; j++) {
        int i = sel[j];
        if (values.isNull(i)) {
          continue;
        }
        int g = group[i];
        seen[g] = true;
        BigDecimal b = values.big(i);
        if (b != null) {
          addBig(g, b);
        } else if (wrap) {
          sums[g] += v[i];
        } else if (big[g] != null) {
          big[g] = big[g].add(BigDecimal.valueOf(v[i], scale));
        } else {
          long s = sums[g] + v[i];
          if (((sums[g] ^ s) & (v[i] ^ s)) < 0) {
            addBig(g, BigDecimal.valueOf(v[i], scale));
          } else {
            sums[g] = s;
          }
        }
      }
    }

    private void addBig(int g, BigDecimal value) {
      BigDecimal current = big[g] != null ? big[g] : BigDecimal.valueOf(sums[g], scale);
      big[g] = current.add(value);
      sums[g] = 0;
    }

    @Override
    void merge(int g, Accumulator other, int og) {
      ExactSum o = (ExactSum) other;
      if (!o.seen[og]) {
        return;
      }
      seen[g] = true;
      if (wrap) {
        sums[g] += o.sums[og];
      } else if (o.big[og] != null) {
        addBig(g, o.big[og]);
      } else if (big[g] != null) {
        big[g] = big[g].add(BigDecimal.valueOf(o.sums[og], scale));
      } else {
        long s = sums[g] + o.sums[og];
        if (((sums[g] ^ s) & (o.sums[og] ^ s)) < 0) {
          addBig(g, BigDecimal.valueOf(o.sums[og], scale));
        } else {
          sums[g] = s;
        }
      }
    }

    @Override
    Object result(int g) {
      if (!seen[g]) {
        return zeroWhenEmpty ? (Object) BigDecimal.valueOf(0, scale) : null;
      }
      return big[g] != null ? big[g] : BigDecimal.valueOf(sums[g], scale);
    }
  }

  /** SUM of doubles, in the order the rows come. */
  static final class DoubleSum extends Accumulator {
    private final boolean zeroWhenEmpty;
    private double[] sums = new double[16];
    private boolean[] seen = new boolean[16];

    DoubleSum(boolean zeroWhenEmpty) {
      this.zeroWhenEmpty = zeroWhenEmpty;
    }

    @Override
    void ensure(int groups) {
      if (sums.length < groups) {
        int cap = Math.max(groups, sums.length * 2);
        sums = Arrays.copyOf(sums, cap);
        seen = Arrays.copyOf(seen, cap);
      }
    }

    @Override
    void add(Vec values, int[] sel, int n, int[] group) {
      for (int j = 0; j < n; j++) {
        int i = sel[j];
        if (!values.isNull(i)) {
          int g = group[i];
          seen[g] = true;
          sums[g] += values.asDouble(i);
        }
      }
    }

    @Override
    void merge(int g, Accumulator other, int og) {
      DoubleSum o = (DoubleSum) other;
      if (o.seen[og]) {
        seen[g] = true;
        sums[g] += o.sums[og];
      }
    }

    @Override
    Object result(int g) {
      return seen[g] ? (Object) sums[g] : zeroWhenEmpty ? (Object) 0.0 : null;
    }
  }

  /** MIN or MAX of 64-bit values (integers, dates, timestamps, decimals of one scale). */
  static final class LongExtreme extends Accumulator {
    private final boolean max;
    private long[] values = new long[16];
    private boolean[] seen = new boolean[16];

    LongExtreme(boolean max) {
      this.max = max;
    }

    @Override
    void ensure(int groups) {
      if (values.length < groups) {
        int cap = Math.max(groups, values.length * 2);
        values = Arrays.copyOf(values, cap);
        seen = Arrays.copyOf(seen, cap);
      }
    }

    @Override
    void add(Vec v, int[] sel, int n, int[] group) {
      long[] x = v.longs;
      for (int j = 0; j < n; j++) {
        int i = sel[j];
        if (!v.isNull(i)) {
          take(group[i], x[i]);
        }
      }
    }

    /** Takes {@code x} into group {@code g}'s extreme. */
    void take(int g, long x) {
      if (!seen[g]) {
        seen[g] = true;
        values[g] = x;
      } else if (max ? x > values[g] : x < values[g]) {
        values[g] = x;
      }
    }

    @Override
    void merge(int g, Accumulator other, int og) {
      LongExtreme o = (LongExtreme) other;
      if (o.seen[og]) {
        take(g, o.values[og]);
      }
    }

    @Override
    Object result(int g) {
      return seen[g] ? (Object) values[g] : null;
    }
  }
}
