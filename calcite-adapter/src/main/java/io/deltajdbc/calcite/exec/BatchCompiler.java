package io.deltajdbc.calcite.exec;

import io.deltajdbc.calcite.internal.decimal.DecimalOperator;
import io.deltajdbc.calcite.time.Micros;
import io.deltajdbc.engine.expressions.LikePattern;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/**
 * Compiles Calcite row expressions over a scan's columns into batch expressions ({@link Scalar})
 * and conditions ({@link Pred}). What it cannot evaluate exactly as the row path would throws
 * {@link NotBatchable}, and the planner keeps the row path for the query.
 */
public final class BatchCompiler {
  private final List<RelDataType> columns;
  private final RexBuilder rexBuilder;

  /** {@code columns}: the Calcite types of the batch's columns, in batch order. */
  public BatchCompiler(List<RelDataType> columns, RexBuilder rexBuilder) {
    this.columns = columns;
    this.rexBuilder = rexBuilder;
  }

  /** Thrown for an expression the batch path does not evaluate; the message says which part. */
  public static final class NotBatchable extends RuntimeException {
    NotBatchable(String message) {
      super(message, null, false, false);
    }
  }

  /** The kind of values a Calcite type has in batches, or null when batches cannot hold it. */
  static Vec.Kind kindOf(RelDataType type) {
    SqlTypeName t = type.getSqlTypeName();
    return switch (t) {
      case BIGINT,
          INTEGER,
          SMALLINT,
          TINYINT,
          DATE,
          TIMESTAMP,
          TIMESTAMP_WITH_LOCAL_TIME_ZONE,
          BOOLEAN ->
          Vec.Kind.LONG;
      case DECIMAL ->
          Vec.Kind.LONG; // computed values beyond a long are held as BigDecimal (Vec.bigs)
      case DOUBLE, FLOAT, REAL -> Vec.Kind.DOUBLE;
      case CHAR, VARCHAR, BINARY, VARBINARY -> Vec.Kind.BYTES;
      default -> null;
    };
  }

  static int scaleOf(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.DECIMAL ? type.getScale() : 0;
  }

  /** A condition. */
  Pred condition(RexNode rex) {
    return pred(RexUtil.expandSearch(rexBuilder, null, rex));
  }

  /** A scalar expression. */
  Scalar scalar(RexNode rex) {
    return expr(RexUtil.expandSearch(rexBuilder, null, rex));
  }

  /** True when a column of this type can be read into batches and computed on. */
  public static boolean supports(RelDataType type) {
    boolean wideDecimal = type.getSqlTypeName() == SqlTypeName.DECIMAL && type.getPrecision() > 18;
    return kindOf(type) != null && !wideDecimal;
  }

  private Pred pred(RexNode rex) {
    if (rex instanceof RexInputRef || rex instanceof RexLiteral) {
      if (rex.getType().getSqlTypeName() != SqlTypeName.BOOLEAN) {
        throw new NotBatchable("a non-boolean condition: " + rex);
      }
      return new Pred.IsTrue(expr(rex));
    }
    if (!(rex instanceof RexCall call)) {
      throw new NotBatchable("condition " + rex);
    }
    List<RexNode> ops = call.getOperands();
    switch (call.getKind()) {
      case AND, OR -> {
        List<Pred> parts = new ArrayList<>();
        ops.forEach(o -> parts.add(pred(o)));
        return new Pred.Junction(call.getKind() == SqlKind.AND, parts);
      }
      case NOT -> {
        return new Pred.Not(pred(ops.get(0)));
      }
      case IS_NULL, IS_NOT_NULL -> {
        return new Pred.IsNull(expr(ops.get(0)), call.getKind() == SqlKind.IS_NOT_NULL);
      }
      case EQUALS,
          NOT_EQUALS,
          LESS_THAN,
          LESS_THAN_OR_EQUAL,
          GREATER_THAN,
          GREATER_THAN_OR_EQUAL -> {
        return compare(call);
      }
      case LIKE -> {
        return like(call);
      }
      default -> throw new NotBatchable("condition " + call.getOperator().getName());
    }
  }

  private Pred compare(RexCall call) {
    RexNode l = call.getOperands().get(0);
    RexNode r = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (l instanceof RexLiteral && !(r instanceof RexLiteral)) {
      RexNode t = l;
      l = r;
      r = t;
      kind = kind.reverse();
    }
    Vec.Kind lk = kindOf(l.getType());
    Vec.Kind rk = kindOf(r.getType());
    if (lk == null || rk == null) {
      throw new NotBatchable("comparison of " + l.getType() + " and " + r.getType());
    }
    if (lk == Vec.Kind.BYTES || rk == Vec.Kind.BYTES) {
      if (lk != rk
          || !(l instanceof RexInputRef ref)
          || !(r instanceof RexLiteral lit)
          || (kind != SqlKind.EQUALS && kind != SqlKind.NOT_EQUALS)) {
        throw new NotBatchable("string comparison " + call);
      }
      return new Pred.BytesMatch(
          kind == SqlKind.EQUALS ? Pred.BytesMatch.Op.EQ : Pred.BytesMatch.Op.NE,
          (Scalar.ColumnRef) expr(ref),
          bytes(lit));
    }
    if (isTemporal(l.getType()) != isTemporal(r.getType())
        || (isTemporal(l.getType())
            && l.getType().getSqlTypeName() != r.getType().getSqlTypeName())) {
      throw new NotBatchable("comparison of " + l.getType() + " and " + r.getType());
    }
    Pred.Compare.Op op =
        switch (kind) {
          case EQUALS -> Pred.Compare.Op.EQ;
          case NOT_EQUALS -> Pred.Compare.Op.NE;
          case LESS_THAN -> Pred.Compare.Op.LT;
          case LESS_THAN_OR_EQUAL -> Pred.Compare.Op.LE;
          case GREATER_THAN -> Pred.Compare.Op.GT;
          default -> Pred.Compare.Op.GE;
        };
    return new Pred.Compare(op, expr(l), expr(r));
  }

  private static boolean isTemporal(RelDataType t) {
    return switch (t.getSqlTypeName()) {
      case DATE, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, BOOLEAN -> true;
      default -> false;
    };
  }

  /** {@code col LIKE 'p'} with a pattern of text and {@code %}s (no {@code _}, no escape). */
  private Pred like(RexCall call) {
    List<RexNode> ops = call.getOperands();
    if (ops.size() != 2
        || !(ops.get(0) instanceof RexInputRef ref)
        || !(ops.get(1) instanceof RexLiteral lit)
        || kindOf(ref.getType()) != Vec.Kind.BYTES
        || lit.getValueAs(String.class) == null) {
      throw new NotBatchable("LIKE " + call);
    }
    String pattern = lit.getValueAs(String.class);
    if (pattern.indexOf('_') >= 0 || pattern.indexOf('\\') >= 0) {
      throw new NotBatchable("LIKE pattern " + pattern);
    }
    Scalar.ColumnRef column = (Scalar.ColumnRef) expr(ref);
    String body = pattern.endsWith("%") ? pattern.substring(0, pattern.length() - 1) : pattern;
    if (body.indexOf('%') < 0) {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      return new Pred.BytesMatch(
          pattern.endsWith("%") ? Pred.BytesMatch.Op.PREFIX : Pred.BytesMatch.Op.EQ, column, b);
    }
    LikePattern like = LikePattern.of(pattern);
    byte[][] pieces =
        like.pieces().stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    return new Pred.BytesLike(column, pieces, like.anchoredStart(), like.anchoredEnd());
  }

  private Scalar expr(RexNode rex) {
    Vec.Kind kind = kindOf(rex.getType());
    if (kind == null) {
      throw new NotBatchable("type " + rex.getType());
    }
    int scale = scaleOf(rex.getType());
    if (rex instanceof RexInputRef ref) {
      RelDataType t = columns.get(ref.getIndex());
      if (kindOf(t) != kind || scaleOf(t) != scale) {
        throw new NotBatchable("column " + ref + " of type " + t);
      }
      return new Scalar.ColumnRef(ref.getIndex(), kind, scale);
    }
    if (rex instanceof RexLiteral lit) {
      return constant(lit, kind, scale);
    }
    if (!(rex instanceof RexCall call)) {
      throw new NotBatchable("expression " + rex);
    }
    String decimal = DecimalOperator.methodOf(call.getOperator());
    RelDataType type = call.getType();
    if (decimal != null) {
      Arithmetic.Op op =
          switch (decimal) {
            case "add" -> Arithmetic.Op.ADD;
            case "subtract" -> Arithmetic.Op.SUBTRACT;
            case "multiply" -> Arithmetic.Op.MULTIPLY;
            case "divide" -> Arithmetic.Op.DIVIDE;
            case "fit" -> Arithmetic.Op.FIT;
            default -> throw new NotBatchable("decimal " + decimal);
          };
      if (kind != Vec.Kind.LONG || type.getSqlTypeName() != SqlTypeName.DECIMAL) {
        throw new NotBatchable("decimal result " + type);
      }
      Scalar a = exact(call.getOperands().get(0));
      Scalar b = op == Arithmetic.Op.FIT ? null : exact(call.getOperands().get(1));
      return new Arithmetic(op, a, b, type.getPrecision(), type.getScale(), type.isNullable());
    }
    if (call.getKind() == SqlKind.CAST) {
      return cast(call);
    }
    if (kind == Vec.Kind.DOUBLE && call.getOperands().size() == 2) {
      DoubleArithmetic.Op op =
          switch (call.getKind()) {
            case PLUS -> DoubleArithmetic.Op.ADD;
            case MINUS -> DoubleArithmetic.Op.SUBTRACT;
            case TIMES -> DoubleArithmetic.Op.MULTIPLY;
            default -> throw new NotBatchable("double " + call.getOperator().getName());
          };
      return new DoubleArithmetic(
          op, numeric(call.getOperands().get(0)), numeric(call.getOperands().get(1)));
    }
    throw new NotBatchable("expression " + call.getOperator().getName());
  }

  /** An exact-number operand of decimal arithmetic: an integer or a decimal. */
  private Scalar exact(RexNode rex) {
    SqlTypeName t = rex.getType().getSqlTypeName();
    if (!SqlTypeName.INT_TYPES.contains(t) && t != SqlTypeName.DECIMAL) {
      throw new NotBatchable("decimal operand " + rex.getType());
    }
    return expr(rex);
  }

  private Scalar numeric(RexNode rex) {
    if (!SqlTypeName.NUMERIC_TYPES.contains(rex.getType().getSqlTypeName())) {
      throw new NotBatchable("numeric operand " + rex.getType());
    }
    return expr(rex);
  }

  private Scalar cast(RexCall call) {
    RelDataType to = call.getType();
    RexNode operand = call.getOperands().get(0);
    RelDataType from = operand.getType();
    SqlTypeName f = from.getSqlTypeName();
    SqlTypeName t = to.getSqlTypeName();
    if (t == SqlTypeName.DECIMAL
        && (SqlTypeName.INT_TYPES.contains(f) || f == SqlTypeName.DECIMAL)) {
      return new Arithmetic(
          Arithmetic.Op.FIT, expr(operand), null, to.getPrecision(), to.getScale(), true);
    }
    if (SqlTypeName.INT_TYPES.contains(t)
        && SqlTypeName.INT_TYPES.contains(f)
        && widerOrEqual(t, f)) {
      return expr(operand);
    }
    if ((t == SqlTypeName.DOUBLE || t == SqlTypeName.FLOAT)
        && SqlTypeName.NUMERIC_TYPES.contains(f)
        && f != SqlTypeName.REAL) {
      return new DoubleArithmetic(DoubleArithmetic.Op.TO_DOUBLE, expr(operand), null);
    }
    if (t == f && to.getPrecision() == from.getPrecision() && to.getScale() == from.getScale()) {
      return expr(operand);
    }
    throw new NotBatchable("CAST from " + from + " to " + to);
  }

  private static boolean widerOrEqual(SqlTypeName to, SqlTypeName from) {
    List<SqlTypeName> order =
        List.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT);
    return order.indexOf(to) >= order.indexOf(from);
  }

  private static Scalar constant(RexLiteral lit, Vec.Kind kind, int scale) {
    if (lit.isNull()) {
      return new Scalar.Constant(kind, scale, 0, 0, null, null, true);
    }
    SqlTypeName t = lit.getType().getSqlTypeName();
    switch (kind) {
      case DOUBLE -> {
        return new Scalar.Constant(kind, 0, 0, lit.getValueAs(Double.class), null, null, false);
      }
      case BYTES -> {
        return new Scalar.Constant(kind, 0, 0, 0, bytes(lit), null, false);
      }
      default -> {
        long v;
        BigDecimal big = null;
        if (t == SqlTypeName.DECIMAL || SqlTypeName.INT_TYPES.contains(t)) {
          BigDecimal d = lit.getValueAs(BigDecimal.class).setScale(scale);
          if (d.unscaledValue().bitLength() < 64) {
            v = d.unscaledValue().longValue();
          } else {
            v = 0;
            big = d;
          }
        } else if (t == SqlTypeName.DATE) {
          v = lit.getValueAs(DateString.class).getDaysSinceEpoch();
        } else if (t == SqlTypeName.TIMESTAMP || t == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
          v = Micros.of(lit.getValueAs(TimestampString.class));
        } else if (t == SqlTypeName.BOOLEAN) {
          v = Boolean.TRUE.equals(lit.getValueAs(Boolean.class)) ? 1 : 0;
        } else {
          throw new NotBatchable("literal " + lit);
        }
        return new Scalar.Constant(kind, scale, v, 0, null, big, false);
      }
    }
  }

  private static byte[] bytes(RexLiteral lit) {
    Object v = lit.getValue();
    if (v instanceof NlsString s) {
      String text = s.getValue();
      if (lit.getType().getSqlTypeName() == SqlTypeName.CHAR && text.endsWith(" ")) {
        throw new NotBatchable("CHAR literal with trailing spaces");
      }
      return text.getBytes(StandardCharsets.UTF_8);
    }
    throw new NotBatchable("literal " + lit);
  }
}
