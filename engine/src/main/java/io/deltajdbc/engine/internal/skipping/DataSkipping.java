package io.deltajdbc.engine.internal.skipping;

import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicate.Op;
import io.deltajdbc.engine.internal.expressions.Values;

/**
 * Decides from a file's statistics whether a predicate can match none of its rows. Every answer
 * errs towards reading: unknown statistics, incomparable values and predicates it does not
 * understand keep the file.
 */
public final class DataSkipping {
  private DataSkipping() {}

  /** True when no row of the file can satisfy {@code p}. */
  public static boolean canSkip(Predicate p, StatsSource s) {
    if (p instanceof Predicate.Constant c) {
      return !Boolean.TRUE.equals(c.value());
    }
    if (p instanceof Predicate.And a) {
      return canSkip(a.left(), s) || canSkip(a.right(), s);
    }
    if (p instanceof Predicate.Or o) {
      return canSkip(o.left(), s) && canSkip(o.right(), s);
    }
    if (p instanceof Predicate.Not n) {
      Predicate pushed = negate(n.child());
      return pushed != null && canSkip(pushed, s);
    }
    if (p instanceof Predicate.IsNull n && n.value() instanceof Column c) {
      return isNullSkip(c, n.negated(), s);
    }
    if (p instanceof Predicate.Comparison c) {
      return comparisonSkip(c, s);
    }
    if (p instanceof Predicate.In in && in.value() instanceof Column c) {
      for (Literal l : in.values()) {
        if (l.value() != null && !boundsSkip(c, Op.EQ, l.value(), s)) {
          return false;
        }
      }
      return true;
    }
    if (p instanceof Predicate.Like l && !l.pattern().prefix().isEmpty()) {
      return canSkip(
          new Predicate.StartsWith(l.value(), l.pattern().prefix()),
          s); // every match has the prefix
    }
    if (p instanceof Predicate.StartsWith sw && sw.value() instanceof Column c) {
      ColumnStat st = s.column(c);
      if (st.min() instanceof String min && st.max() instanceof String max) {
        String prefix = sw.prefix();
        String maxHead = max.length() > prefix.length() ? max.substring(0, prefix.length()) : max;
        String minHead = min.length() > prefix.length() ? min.substring(0, prefix.length()) : min;
        return Values.compareStrings(maxHead, prefix) < 0
            || Values.compareStrings(minHead, prefix) > 0;
      }
      return allNull(st, s);
    }
    return false;
  }

  /** The negation pushed one level down, or null when there is no exact form to push. */
  private static Predicate negate(Predicate p) {
    if (p instanceof Predicate.Not n) {
      return n.child();
    }
    if (p instanceof Predicate.And a) {
      return new Predicate.Or(new Predicate.Not(a.left()), new Predicate.Not(a.right()));
    }
    if (p instanceof Predicate.Or o) {
      return new Predicate.And(new Predicate.Not(o.left()), new Predicate.Not(o.right()));
    }
    if (p instanceof Predicate.Comparison c && c.op() != Op.NULL_SAFE_EQ) {
      return new Predicate.Comparison(c.op().negate(), c.left(), c.right());
    }
    if (p instanceof Predicate.IsNull n) {
      return new Predicate.IsNull(n.value(), !n.negated());
    }
    if (p instanceof Predicate.Constant c) {
      return new Predicate.Constant(c.value() == null ? null : !c.value());
    }
    return null;
  }

  private static boolean isNullSkip(Column c, boolean negated, StatsSource s) {
    ColumnStat st = s.column(c);
    if (st.nullCount() == null || !s.tightBounds()) {
      return false;
    }
    if (!negated) {
      return st.nullCount() == 0;
    }
    return s.numRecords() != null && st.nullCount().equals(s.numRecords());
  }

  private static boolean comparisonSkip(Predicate.Comparison comparison, StatsSource s) {
    Predicate.Comparison c = comparison.columnFirst();
    Op op = c.op();
    if (!(c.left() instanceof Column col) || !(c.right() instanceof Literal lit)) {
      return false;
    }
    if (lit.value() == null) {
      return op == Op.NULL_SAFE_EQ ? isNullSkip(col, true, s) : true;
    }
    return boundsSkip(col, op == Op.NULL_SAFE_EQ ? Op.EQ : op, lit.value(), s);
  }

  private static boolean boundsSkip(Column col, Op op, Object v, StatsSource s) {
    ColumnStat st = s.column(col);
    if (allNull(st, s)) {
      return true;
    }
    Object min = st.min();
    Object max = st.max();
    if (min == null || max == null || !Values.comparable(min, v) || !Values.comparable(max, v)) {
      return false;
    }
    return switch (op) {
      case EQ, NULL_SAFE_EQ -> Values.compare(v, min) < 0 || Values.compare(v, max) > 0;
      case NE -> Values.compare(min, v) == 0 && Values.compare(max, v) == 0 && s.tightBounds();
      case LT -> Values.compare(min, v) >= 0;
      case LE -> Values.compare(min, v) > 0;
      case GT -> Values.compare(max, v) <= 0;
      case GE -> Values.compare(max, v) < 0;
    };
  }

  /** Every value of the column is null, so no comparison can be true. */
  private static boolean allNull(ColumnStat st, StatsSource s) {
    return s.tightBounds()
        && st.nullCount() != null
        && s.numRecords() != null
        && s.numRecords() > 0
        && st.nullCount().equals(s.numRecords());
  }
}
