package io.deltajdbc.calcite.time;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;

/**
 * Rewrites an expression whose timestamps are microseconds so that it computes what Calcite
 * computes with milliseconds, to the microsecond: a TIMESTAMP literal becomes its microseconds;
 * comparisons, CASE, COALESCE and the like take the values as they are; casts between timestamps
 * and text, dates and other timestamps, and timestamp plus or minus an interval, are our own;
 * operators on arrays, maps and structs move timestamps as they are; every other operator on a
 * timestamp gets milliseconds and its timestamp result is turned back into microseconds (EXTRACT,
 * FLOOR, date functions: their answer has millisecond precision, as Calcite's).
 */
public final class MicrosRex extends RexShuttle {
  /**
   * Operators that only compare, choose or pass on values: the unit of a timestamp is theirs to
   * ignore.
   */
  private static final Set<SqlKind> AS_THEY_ARE =
      EnumSet.of(
          SqlKind.EQUALS,
          SqlKind.NOT_EQUALS,
          SqlKind.LESS_THAN,
          SqlKind.LESS_THAN_OR_EQUAL,
          SqlKind.GREATER_THAN,
          SqlKind.GREATER_THAN_OR_EQUAL,
          SqlKind.IS_NULL,
          SqlKind.IS_NOT_NULL,
          SqlKind.IS_DISTINCT_FROM,
          SqlKind.IS_NOT_DISTINCT_FROM,
          SqlKind.CASE,
          SqlKind.COALESCE,
          SqlKind.NULLIF,
          SqlKind.GREATEST,
          SqlKind.LEAST,
          SqlKind.ROW,
          SqlKind.AND,
          SqlKind.OR,
          SqlKind.NOT,
          SqlKind.IN,
          SqlKind.NOT_IN,
          SqlKind.ARRAY_VALUE_CONSTRUCTOR,
          SqlKind.MAP_VALUE_CONSTRUCTOR);

  private final RexBuilder rexBuilder;

  private MicrosRex(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  /** {@code e} computing with timestamps of microseconds. */
  public static RexNode rewrite(RexBuilder rexBuilder, RexNode e) {
    return e.accept(new MicrosRex(rexBuilder));
  }

  static RexShuttle shuttle(RexBuilder rexBuilder) {
    return new MicrosRex(rexBuilder);
  }

  /** True when {@code e} or a part of it is a timestamp: only those need rewriting. */
  public static boolean involvesTimestamp(RexNode e) {
    if (isTimestamp(e.getType())) {
      return true;
    }
    return e instanceof RexCall call
        && call.getOperands().stream().anyMatch(MicrosRex::involvesTimestamp);
  }

  static boolean isTimestamp(RelDataType t) {
    return t.getSqlTypeName() == SqlTypeName.TIMESTAMP;
  }

  @Override
  public RexNode visitLiteral(RexLiteral literal) {
    if (!isTimestamp(literal.getType()) || literal.isNull()) {
      return literal;
    }
    TimestampString ts = literal.getValueAs(TimestampString.class);
    return call(literal.getType(), MicrosOperators.MICROS, bigint(Micros.of(ts)));
  }

  /** A BIGINT literal: what a timestamp of microseconds is made of. */
  RexLiteral bigint(long micros) {
    return rexBuilder.makeExactLiteral(
        BigDecimal.valueOf(micros), rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT));
  }

  @Override
  public RexNode visitCall(RexCall call) {
    if (call.getKind() == SqlKind.SEARCH && involvesTimestamp(call)) {
      return RexUtil.expandSearch(rexBuilder, null, call).accept(this);
    }
    List<RexNode> operands = new ArrayList<>();
    for (RexNode o : call.getOperands()) {
      operands.add(o.accept(this));
    }
    if (call instanceof RexOver
        || MicrosOperators.isOwn(call.getOperator())
        || AS_THEY_ARE.contains(call.getKind())
        || !involvesTimestamp(call)
        || structural(call)) {
      return call.clone(call.getType(), operands);
    }
    RelDataType type = call.getType();
    if (call.getKind() == SqlKind.CAST || call.getKind() == SqlKind.SAFE_CAST) {
      RexNode cast = cast(call, operands.get(0), type);
      if (cast != null) {
        return cast;
      }
    }
    if (isTimestamp(type)
        && operands.size() == 2
        && isTimestamp(operands.get(0).getType())
        && SqlTypeFamily.DATETIME_INTERVAL.contains(operands.get(1).getType())) {
      RexNode shifted = shift(call.getKind(), type, operands.get(0), operands.get(1));
      if (shifted != null) {
        return shifted;
      }
    }
    // Calcite's own operator: milliseconds in, microseconds out.
    List<RexNode> millis = new ArrayList<>();
    for (RexNode o : operands) {
      millis.add(isTimestamp(o.getType()) ? call(o.getType(), MicrosOperators.TO_MILLIS, o) : o);
    }
    RexNode result = call.clone(type, millis);
    return isTimestamp(type) ? call(type, MicrosOperators.FROM_MILLIS, result) : result;
  }

  /**
   * True for an operator that builds or takes apart arrays, maps and structs (ITEM, array and map
   * functions): it moves values without computing with them, so a timestamp stays as it is.
   */
  private static boolean structural(RexCall call) {
    return isContainer(call.getType())
        || call.getOperands().stream().anyMatch(o -> isContainer(o.getType()));
  }

  private static boolean isContainer(RelDataType t) {
    return t.getComponentType() != null || t.getKeyType() != null || t.isStruct();
  }

  /** A cast from or to a timestamp that keeps microseconds, or null for Calcite's own. */
  private RexNode cast(RexCall call, RexNode operand, RelDataType type) {
    RelDataType from = operand.getType();
    SqlTypeName to = type.getSqlTypeName();
    if (isTimestamp(from) && isTimestamp(type)) {
      int precision = type.getPrecision();
      return precision >= 6 || precision < 0
          ? call(type, MicrosOperators.MICROS, operand)
          : call(
              type,
              MicrosOperators.TRUNCATE,
              operand,
              bigint(BigDecimal.TEN.pow(6 - precision).longValue()));
    }
    if (isTimestamp(type) && SqlTypeFamily.CHARACTER.contains(from)) {
      return call(type, MicrosOperators.PARSE, operand);
    }
    if (isTimestamp(type) && from.getSqlTypeName() == SqlTypeName.DATE) {
      return call(type, MicrosOperators.FROM_DATE, operand);
    }
    if (isTimestamp(from) && to == SqlTypeName.DATE) {
      return call(type, MicrosOperators.TO_DATE, operand);
    }
    if (isTimestamp(from) && (to == SqlTypeName.VARCHAR || to == SqlTypeName.CHAR)) {
      RelDataType text =
          rexBuilder
              .getTypeFactory()
              .createTypeWithNullability(
                  rexBuilder.getTypeFactory().createSqlType(SqlTypeName.VARCHAR),
                  type.isNullable());
      RexNode formatted = call(text, MicrosOperators.FORMAT, operand);
      // CHAR(n) and VARCHAR(n) keep Calcite's padding and cutting of the text.
      return type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED && to == SqlTypeName.VARCHAR
          ? formatted
          : call.clone(type, List.of(formatted));
    }
    return null;
  }

  /** A timestamp plus or minus an interval, or null for another operator. */
  private RexNode shift(SqlKind kind, RelDataType type, RexNode timestamp, RexNode interval) {
    boolean months = SqlTypeFamily.INTERVAL_YEAR_MONTH.contains(interval.getType());
    if (kind == SqlKind.PLUS) {
      return months
          ? call(type, MicrosOperators.PLUS_MONTHS, timestamp, interval)
          : call(type, MicrosOperators.PLUS_MILLIS, timestamp, interval);
    }
    if (kind == SqlKind.MINUS) {
      return months
          ? call(
              type,
              MicrosOperators.PLUS_MONTHS,
              timestamp,
              rexBuilder.makeCall(
                  interval.getType(),
                  org.apache.calcite.sql.fun.SqlStdOperatorTable.UNARY_MINUS,
                  List.of(interval)))
          : call(type, MicrosOperators.MINUS_MILLIS, timestamp, interval);
    }
    return null;
  }

  private RexNode call(RelDataType type, SqlOperator op, RexNode... operands) {
    return rexBuilder.makeCall(type, op, List.of(operands));
  }
}
