package io.deltajdbc.engine.internal.expressions;

import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Expression;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicate;
import java.util.function.Function;

/**
 * Evaluates a predicate with SQL's three-valued logic; {@code null} is unknown. Column values come
 * from a function, so the same code filters rows and partition values.
 */
public final class PredicateEvaluator {
  private PredicateEvaluator() {}

  public static Boolean evaluate(Predicate p, Function<Column, Object> columns) {
    if (p instanceof Predicate.Constant c) {
      return c.value();
    }
    if (p instanceof Predicate.And a) {
      Boolean l = evaluate(a.left(), columns);
      if (Boolean.FALSE.equals(l)) {
        return false;
      }
      Boolean r = evaluate(a.right(), columns);
      if (Boolean.FALSE.equals(r)) {
        return false;
      }
      return l == null || r == null ? null : true;
    }
    if (p instanceof Predicate.Or o) {
      Boolean l = evaluate(o.left(), columns);
      if (Boolean.TRUE.equals(l)) {
        return true;
      }
      Boolean r = evaluate(o.right(), columns);
      if (Boolean.TRUE.equals(r)) {
        return true;
      }
      return l == null || r == null ? null : false;
    }
    if (p instanceof Predicate.Not n) {
      Boolean v = evaluate(n.child(), columns);
      return v == null ? null : !v;
    }
    if (p instanceof Predicate.IsNull n) {
      boolean isNull = value(n.value(), columns) == null;
      return n.negated() != isNull;
    }
    if (p instanceof Predicate.Comparison c) {
      return compare(c.op(), value(c.left(), columns), value(c.right(), columns));
    }
    if (p instanceof Predicate.In in) {
      Object v = value(in.value(), columns);
      if (v == null) {
        return null;
      }
      boolean sawNull = false;
      for (Literal l : in.values()) {
        if (l.value() == null) {
          sawNull = true;
        } else if (Values.compare(v, l.value()) == 0) {
          return true;
        }
      }
      return sawNull ? null : false;
    }
    if (p instanceof Predicate.StartsWith s) {
      Object v = value(s.value(), columns);
      return v == null ? null : v.toString().startsWith(s.prefix());
    }
    if (p instanceof Predicate.Like l) {
      Object v = value(l.value(), columns);
      return v == null ? null : l.pattern().matches(v.toString());
    }
    throw new IllegalArgumentException("unknown predicate " + p);
  }

  static Boolean compare(Predicate.Op op, Object l, Object r) {
    if (op == Predicate.Op.NULL_SAFE_EQ) {
      return l == null || r == null ? l == r : Values.compare(l, r) == 0;
    }
    if (l == null || r == null) {
      return null;
    }
    int c = Values.compare(l, r);
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      case NULL_SAFE_EQ -> c == 0;
    };
  }

  static Object value(Expression e, Function<Column, Object> columns) {
    if (e instanceof Literal l) {
      return l.value();
    }
    if (e instanceof Column c) {
      return columns.apply(c);
    }
    if (e instanceof Predicate p) {
      return evaluate(p, columns);
    }
    throw new IllegalArgumentException("unknown expression " + e);
  }
}
