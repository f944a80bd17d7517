package io.deltajdbc.calcite.internal;

import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Expression;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicate.Op;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import org.apache.calcite.util.Util;

/**
 * Translates a filter condition over a table's columns into the engine's predicate, conjunct by
 * conjunct: comparisons of a column with a literal, IS [NOT] NULL, IN and ranges (Calcite's
 * SEARCH), LIKE of text and {@code %}, and AND / OR / NOT of those; at execution also a comparison
 * with a statement parameter ({@code id = ?}). A conjunct it cannot translate exactly is left to
 * Calcite.
 */
public final class PredicateTranslator {
  private final List<String> names;
  private final List<DataType> types;
  private final RexBuilder rexBuilder;
  private final IntFunction<Object> parameters;

  /** A translator at planning time: a statement parameter ({@code ?}) is not a value yet. */
  public PredicateTranslator(List<String> names, List<DataType> types, RexBuilder rexBuilder) {
    this(names, types, rexBuilder, null);
  }

  /**
   * A translator at execution time, where parameter {@code i} has the value {@code
   * parameters.apply(i)} (as Calcite's generated code holds it).
   */
  public PredicateTranslator(
      List<String> names,
      List<DataType> types,
      RexBuilder rexBuilder,
      IntFunction<Object> parameters) {
    this.names = names;
    this.types = types;
    this.rexBuilder = rexBuilder;
    this.parameters = parameters;
  }

  /** The conjuncts the engine evaluates (and their predicate), and those Calcite keeps. */
  public record Split(Predicate pushed, List<RexNode> pushedConjuncts, List<RexNode> remaining) {}

  public Split split(RexNode condition) {
    List<Predicate> pushed = new ArrayList<>();
    List<RexNode> pushedRex = new ArrayList<>();
    List<RexNode> remaining = new ArrayList<>();
    List<RexNode> conjuncts = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      // what every branch of an OR says is tested once: (a AND b) OR (a AND c) is a AND (b OR c)
      conjuncts.addAll(
          RelOptUtil.conjunctions(
              c.getKind() == SqlKind.OR ? RexUtil.pullFactors(rexBuilder, c) : c));
    }
    for (RexNode c : conjuncts) {
      Predicate p = translate(c);
      if (p == null) {
        remaining.add(c);
      } else {
        pushed.add(p);
        pushedRex.add(c);
      }
    }
    return new Split(pushed.isEmpty() ? null : Predicates.and(pushed), pushedRex, remaining);
  }

  /** The predicate, or null when the condition cannot be translated exactly. */
  public Predicate translate(RexNode node) {
    if (!(node instanceof RexCall call)) {
      if (node instanceof RexInputRef ref && types.get(ref.getIndex()) == PrimitiveType.BOOLEAN) {
        return Predicates.eq(column(ref), Literal.of(true));
      }
      return null;
    }
    SqlKind kind = call.getKind();
    switch (kind) {
      case AND, OR -> {
        List<Predicate> parts = new ArrayList<>();
        for (RexNode op : call.getOperands()) {
          Predicate p = translate(op);
          if (p == null) {
            return null;
          }
          parts.add(p);
        }
        return kind == SqlKind.AND
            ? Predicates.and(parts)
            : Predicates.or(parts.toArray(Predicate[]::new));
      }
      case NOT -> {
        Predicate p = translate(call.getOperands().get(0));
        return p == null ? null : Predicates.not(p);
      }
      case SEARCH -> {
        return translate(RexUtil.expandSearch(rexBuilder, null, call));
      }
      case IS_NULL, IS_NOT_NULL -> {
        Column c = columnOf(call.getOperands().get(0));
        return c == null
            ? null
            : kind == SqlKind.IS_NULL ? Predicates.isNull(c) : Predicates.isNotNull(c);
      }
      case EQUALS,
          NOT_EQUALS,
          LESS_THAN,
          LESS_THAN_OR_EQUAL,
          GREATER_THAN,
          GREATER_THAN_OR_EQUAL,
          IS_NOT_DISTINCT_FROM -> {
        return comparison(kind, call.getOperands().get(0), call.getOperands().get(1));
      }
      case LIKE -> {
        return like(call);
      }
      default -> {
        return null;
      }
    }
  }

  private Predicate comparison(SqlKind kind, RexNode left, RexNode right) {
    Op op =
        switch (kind) {
          case EQUALS -> Op.EQ;
          case NOT_EQUALS -> Op.NE;
          case LESS_THAN -> Op.LT;
          case LESS_THAN_OR_EQUAL -> Op.LE;
          case GREATER_THAN -> Op.GT;
          case GREATER_THAN_OR_EQUAL -> Op.GE;
          default -> Op.NULL_SAFE_EQ;
        };
    Column c = columnOf(left);
    RexNode other = right;
    if (c == null) {
      c = columnOf(right);
      other = left;
      op = op.flip();
    }
    if (c == null) {
      return null;
    }
    DataType type = types.get(names.indexOf(c.topLevel()));
    Object value;
    if (other instanceof RexLiteral lit) {
      value = literal(lit, type);
    } else if (other instanceof RexDynamicParam p && parameters != null) {
      value = parameter(parameters.apply(p.getIndex()), type);
    } else {
      return null;
    }
    if (value == NOT_PUSHABLE) {
      return null;
    }
    Expression l = Literal.of(value);
    return Predicates.compare(op, c, l);
  }

  /**
   * {@code col LIKE 'p'}: a prefix pattern as {@code StartsWith} (which also prunes and skips by
   * statistics), others made of text and {@code %} as {@code Like}. Patterns with {@code _} or a
   * backslash stay with the row path, whose LIKE decides what they mean.
   */
  private Predicate like(RexCall call) {
    if (call.getOperands().size() != 2) {
      return null;
    }
    Column c = columnOf(call.getOperands().get(0));
    if (c == null || !(call.getOperands().get(1) instanceof RexLiteral lit)) {
      return null;
    }
    String pattern = lit.getValueAs(String.class);
    if (pattern == null || pattern.contains("_") || pattern.contains("\\")) {
      return null;
    }
    String prefix = pattern.endsWith("%") ? pattern.substring(0, pattern.length() - 1) : null;
    if (prefix != null && !prefix.contains("%")) {
      return Predicates.startsWith(c, prefix);
    }
    return Predicates.like(c, pattern);
  }

  private Column columnOf(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return column(ref);
    }
    if (node.getKind() == SqlKind.CAST
        && node instanceof RexCall cast
        && cast.getOperands().get(0) instanceof RexInputRef ref) {
      // Only a cast that keeps every value (INT to BIGINT, VARCHAR(10) to VARCHAR): CAST(d AS INT)
      // <> 0
      // is not d <> 0 (0.5 casts to 0).
      SqlTypeFamily from = ref.getType().getSqlTypeName().getFamily();
      SqlTypeFamily to = cast.getType().getSqlTypeName().getFamily();
      boolean widening =
          from == to
              && (from == SqlTypeFamily.NUMERIC || from == SqlTypeFamily.CHARACTER)
              && RexUtil.isLosslessCast(cast);
      return widening ? column(ref) : null;
    }
    return null;
  }

  private Column column(RexInputRef ref) {
    return Column.of(names.get(ref.getIndex()));
  }

  private static final Object NOT_PUSHABLE = new Object();

  /**
   * A parameter's value (Calcite's local representation) as a value of the column's Java class, or
   * NOT_PUSHABLE: integral, decimal, text and boolean columns with a value of their kind; a null,
   * floating-point, temporal or binary comparison stays with Calcite.
   */
  private static Object parameter(Object v, DataType type) {
    if (v == null) {
      return NOT_PUSHABLE;
    }
    boolean exactNumeric =
        type instanceof DecimalType || type instanceof PrimitiveType p && p.isIntegral();
    if (exactNumeric) {
      return v instanceof BigDecimal b
          ? b
          : v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
              ? BigDecimal.valueOf(((Number) v).longValue())
              : NOT_PUSHABLE;
    }
    if (type == PrimitiveType.STRING) {
      return v instanceof String ? v : NOT_PUSHABLE;
    }
    if (type == PrimitiveType.BOOLEAN) {
      return v instanceof Boolean ? v : NOT_PUSHABLE;
    }
    return NOT_PUSHABLE;
  }

  /** Whether {@code node} refers to a statement parameter. */
  public static boolean hasParameter(RexNode node) {
    try {
      node.accept(
          new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitDynamicParam(RexDynamicParam p) {
              throw Util.FoundOne.NULL;
            }
          });
      return false;
    } catch (Util.FoundOne found) {
      return true;
    }
  }

  /** The literal as a value of the column's Java class, or NOT_PUSHABLE. */
  private static Object literal(RexLiteral lit, DataType type) {
    if (lit.isNull()) {
      return null;
    }
    if (type instanceof DecimalType
        || type instanceof PrimitiveType p
            && (p.isIntegral() || p == PrimitiveType.FLOAT || p == PrimitiveType.DOUBLE)) {
      BigDecimal b = lit.getValueAs(BigDecimal.class);
      return b == null ? NOT_PUSHABLE : b;
    }
    if (!(type instanceof PrimitiveType p)) {
      return NOT_PUSHABLE;
    }
    try {
      return switch (p) {
        case STRING ->
            lit.getTypeName().getFamily() == SqlTypeFamily.CHARACTER
                ? lit.getValueAs(String.class)
                : NOT_PUSHABLE;
        case BOOLEAN -> lit.getValueAs(Boolean.class);
        case DATE ->
            lit.getValue() instanceof DateString
                    || lit.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.DATE
                ? LocalDate.parse(lit.getValueAs(DateString.class).toString())
                : NOT_PUSHABLE;
        case TIMESTAMP, TIMESTAMP_NTZ -> {
          TimestampString ts = lit.getValueAs(TimestampString.class);
          if (ts == null) {
            yield NOT_PUSHABLE;
          }
          LocalDateTime t = LocalDateTime.parse(ts.toString().replace(' ', 'T'));
          yield p == PrimitiveType.TIMESTAMP ? t.toInstant(ZoneOffset.UTC) : t;
        }
        case BINARY -> {
          ByteString b = lit.getValueAs(ByteString.class);
          yield b == null ? NOT_PUSHABLE : b.getBytes();
        }
        default -> NOT_PUSHABLE;
      };
    } catch (RuntimeException e) {
      return NOT_PUSHABLE;
    }
  }
}
