package io.deltajdbc.engine.expressions;

import io.deltajdbc.engine.expressions.Predicate.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds predicates: {@code and(eq(Column.of("id"), Literal.of(5)), isNotNull(Column.of("name")))}.
 */
public final class Predicates {
  public static final Predicate TRUE = new Predicate.Constant(true);
  public static final Predicate FALSE = new Predicate.Constant(false);

  private Predicates() {}

  public static Predicate compare(Op op, Expression left, Expression right) {
    return new Predicate.Comparison(op, left, right);
  }

  public static Predicate eq(Expression left, Expression right) {
    return compare(Op.EQ, left, right);
  }

  public static Predicate ne(Expression left, Expression right) {
    return compare(Op.NE, left, right);
  }

  public static Predicate lt(Expression left, Expression right) {
    return compare(Op.LT, left, right);
  }

  public static Predicate le(Expression left, Expression right) {
    return compare(Op.LE, left, right);
  }

  public static Predicate gt(Expression left, Expression right) {
    return compare(Op.GT, left, right);
  }

  public static Predicate ge(Expression left, Expression right) {
    return compare(Op.GE, left, right);
  }

  public static Predicate isNull(Expression e) {
    return new Predicate.IsNull(e, false);
  }

  public static Predicate isNotNull(Expression e) {
    return new Predicate.IsNull(e, true);
  }

  public static Predicate in(Expression e, List<Literal> values) {
    return new Predicate.In(e, values);
  }

  public static Predicate startsWith(Expression e, String prefix) {
    return new Predicate.StartsWith(e, prefix);
  }

  /**
   * {@code e LIKE pattern}: {@code %} any run of characters, {@code _} one character, no escape.
   */
  public static Predicate like(Expression e, String pattern) {
    return new Predicate.Like(e, LikePattern.of(pattern));
  }

  public static Predicate not(Predicate p) {
    return new Predicate.Not(p);
  }

  /** The conjunction of the predicates; {@link #TRUE} when there are none. */
  public static Predicate and(Predicate... ps) {
    return and(Arrays.asList(ps));
  }

  public static Predicate and(List<Predicate> ps) {
    Predicate out = null;
    for (Predicate p : ps) {
      out = out == null ? p : new Predicate.And(out, p);
    }
    return out == null ? TRUE : out;
  }

  public static Predicate or(Predicate... ps) {
    Predicate out = null;
    for (Predicate p : ps) {
      out = out == null ? p : new Predicate.Or(out, p);
    }
    return out == null ? FALSE : out;
  }

  /** The top-level conjuncts of a predicate: {@code a AND (b AND c)} gives a, b, c. */
  public static List<Predicate> conjuncts(Predicate p) {
    List<Predicate> out = new ArrayList<>();
    collect(p, out);
    return out;
  }

  private static void collect(Predicate p, List<Predicate> out) {
    if (p instanceof Predicate.And a) {
      collect(a.left(), out);
      collect(a.right(), out);
    } else {
      out.add(p);
    }
  }

  /** The columns a predicate or expression reads. */
  public static List<Column> columns(Expression e) {
    List<Column> out = new ArrayList<>();
    columns(e, out);
    return out;
  }

  private static void columns(Expression e, List<Column> out) {
    if (e instanceof Column c) {
      out.add(c);
    } else if (e instanceof Predicate.Comparison c) {
      columns(c.left(), out);
      columns(c.right(), out);
    } else if (e instanceof Predicate.And a) {
      columns(a.left(), out);
      columns(a.right(), out);
    } else if (e instanceof Predicate.Or o) {
      columns(o.left(), out);
      columns(o.right(), out);
    } else if (e instanceof Predicate.Not n) {
      columns(n.child(), out);
    } else if (e instanceof Predicate.IsNull n) {
      columns(n.value(), out);
    } else if (e instanceof Predicate.In in) {
      columns(in.value(), out);
    } else if (e instanceof Predicate.StartsWith s) {
      columns(s.value(), out);
    } else if (e instanceof Predicate.Like l) {
      columns(l.value(), out);
    }
  }
}
