package io.deltajdbc.engine.expressions;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A boolean expression with SQL's three-valued logic: a row matches when it evaluates to true, not
 * when it is false or unknown (null).
 */
public sealed interface Predicate extends Expression {

  /** A comparison operator. {@code NULL_SAFE_EQ} ({@code <=>}) is true when both sides are null. */
  enum Op {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    NULL_SAFE_EQ("<=>");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
    public Op flip() {
      return switch (this) {
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
        default -> this;
      };
    }

    /** The operator of the negation, for non-null operands: not {@code a < b} is {@code a >= b}. */
    public Op negate() {
      return switch (this) {
        case EQ -> NE;
        case NE -> EQ;
        case LT -> GE;
        case LE -> GT;
        case GT -> LE;
        case GE -> LT;
        case NULL_SAFE_EQ -> NULL_SAFE_EQ;
      };
    }

    @Override
    public String toString() {
      return symbol;
    }
  }

  record Comparison(Op op, Expression left, Expression right) implements Predicate {
    public Comparison {
      requireNonNull(op, "op");
      requireNonNull(left, "left");
      requireNonNull(right, "right");
    }

    /**
     * The same comparison with a column compared to a literal written column first ({@code 5 < x}
     * as {@code x > 5}).
     */
    public Comparison columnFirst() {
      return left instanceof Literal && right instanceof Column
          ? new Comparison(op.flip(), right, left)
          : this;
    }

    @Override
    public String toString() {
      return "(" + left + " " + op + " " + right + ")";
    }
  }

  record And(Predicate left, Predicate right) implements Predicate {
    public And {
      requireNonNull(left, "left");
      requireNonNull(right, "right");
    }

    @Override
    public String toString() {
      return "(" + left + " AND " + right + ")";
    }
  }

  record Or(Predicate left, Predicate right) implements Predicate {
    public Or {
      requireNonNull(left, "left");
      requireNonNull(right, "right");
    }

    @Override
    public String toString() {
      return "(" + left + " OR " + right + ")";
    }
  }

  record Not(Predicate child) implements Predicate {
    public Not {
      requireNonNull(child, "child");
    }

    @Override
    public String toString() {
      return "(NOT " + child + ")";
    }
  }

  /** {@code value IS NULL}, or {@code IS NOT NULL} when negated is true. */
  record IsNull(Expression value, boolean negated) implements Predicate {
    public IsNull {
      requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return "(" + value + (negated ? " IS NOT NULL)" : " IS NULL)");
    }
  }

  /** {@code value IN (v1, v2, ...)} with SQL semantics for nulls. */
  record In(Expression value, List<Literal> values) implements Predicate {
    public In {
      requireNonNull(value, "value");
      values = List.copyOf(values);
    }

    @Override
    public String toString() {
      return "(" + value + " IN " + values + ")";
    }
  }

  /** {@code value LIKE 'prefix%'}: the string starts with the prefix. */
  record StartsWith(Expression value, String prefix) implements Predicate {
    public StartsWith {
      requireNonNull(value, "value");
      requireNonNull(prefix, "prefix");
    }

    @Override
    public String toString() {
      return "(" + value + " LIKE '" + prefix.replace("'", "''") + "%')";
    }
  }

  /** {@code value LIKE pattern}, without an escape character (see {@link LikePattern}). */
  record Like(Expression value, LikePattern pattern) implements Predicate {
    public Like {
      requireNonNull(value, "value");
      requireNonNull(pattern, "pattern");
    }

    @Override
    public String toString() {
      return "(" + value + " LIKE " + pattern + ")";
    }
  }

  /** A predicate known without looking at the row. */
  record Constant(Boolean value) implements Predicate {
    @Override
    public String toString() {
      return String.valueOf(value).toUpperCase(java.util.Locale.ROOT);
    }
  }
}
