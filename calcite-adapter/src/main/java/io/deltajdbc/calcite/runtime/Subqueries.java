package io.deltajdbc.calcite.runtime;

import io.deltajdbc.calcite.time.Micros;
import io.deltajdbc.engine.DeltaErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Uncorrelated subqueries of a DML statement's expressions, evaluated once by the driver (through
 * the connection, so they read warehouse tables with our reader and nothing else) before the
 * statement runs, and put in the expression as typed literals: a scalar subquery as its value (NULL
 * without rows, an error with more than one), {@code x [NOT] IN (SELECT ...)} as a list, and {@code
 * EXISTS (SELECT ...)} as TRUE or FALSE. A subquery that cannot run on its own (it refers to the
 * statement's rows) is refused.
 */
public final class Subqueries {
  /** The most values an IN (SELECT ...) may bring into an expression. */
  static final int MAX_IN_VALUES = 1000;

  /** Runs one subquery: its rows' first values (Calcite runtime values) and their type. */
  public interface Runner {
    Result run(SqlNode query, int maxRows);
  }

  public record Result(List<Object> values, RelDataType type, String text) {}

  private Subqueries() {}

  public static boolean any(SqlNode node) {
    boolean[] found = {false};
    node.accept(
        new SqlShuttle() {
          @Override
          public SqlNode visit(SqlCall call) {
            if (call.getKind().belongsTo(SqlKind.QUERY)) {
              found[0] = true;
              return call;
            }
            return super.visit(call);
          }
        });
    return found[0];
  }

  public static SqlNode substitute(SqlNode node, Runner runner, String table) {
    return node.accept(
        new SqlShuttle() {
          @Override
          public SqlNode visit(SqlCall call) {
            SqlParserPos pos = call.getParserPosition();
            if (call.getKind().belongsTo(SqlKind.QUERY)) {
              Result r = runner.run(call, 2);
              if (r.values().size() > 1) {
                throw DeltaErrors.subqueryCardinality(table, r.text());
              }
              return literal(r.values().isEmpty() ? null : r.values().get(0), r.type(), pos);
            }
            if (call.getKind() == SqlKind.EXISTS) {
              Result r = runner.run(call.operand(0), 1);
              return SqlLiteral.createBoolean(!r.values().isEmpty(), pos);
            }
            if ((call.getKind() == SqlKind.IN || call.getKind() == SqlKind.NOT_IN)
                && call.operand(1).getKind().belongsTo(SqlKind.QUERY)) {
              Result r = runner.run(call.operand(1), MAX_IN_VALUES + 1);
              if (r.values().size() > MAX_IN_VALUES) {
                throw DeltaErrors.subqueryTooLarge(table, r.text(), MAX_IN_VALUES);
              }
              if (r.values().isEmpty()) {
                return SqlLiteral.createBoolean(call.getKind() == SqlKind.NOT_IN, pos);
              }
              List<SqlNode> list = new ArrayList<>();
              for (Object v : r.values()) {
                list.add(literal(v, r.type(), pos));
              }
              SqlNode left = call.operand(0).accept(this);
              return new SqlBasicCall(
                  call.getKind() == SqlKind.IN
                      ? SqlStdOperatorTable.IN
                      : SqlStdOperatorTable.NOT_IN,
                  List.of(left, new SqlNodeList(list, pos)),
                  pos);
            }
            return super.visit(call);
          }
        });
  }

  /**
   * {@code CAST(value AS type)}, the value written as a literal of Calcite's runtime
   * representation.
   */
  static SqlNode literal(Object v, RelDataType type, SqlParserPos pos) {
    SqlNode lit;
    if (v == null) {
      lit = SqlLiteral.createNull(pos);
    } else if (v instanceof Boolean b) {
      lit = SqlLiteral.createBoolean(b, pos);
    } else if (type.getSqlTypeName() == SqlTypeName.DATE && v instanceof Number n) {
      lit = SqlLiteral.createDate(DateString.fromDaysSinceEpoch(n.intValue()), pos);
    } else if (type.getSqlTypeName() == SqlTypeName.TIMESTAMP && v instanceof Number n) {
      lit =
          SqlLiteral.createTimestamp(
              SqlTypeName.TIMESTAMP, Micros.timestampString(n.longValue()), 6, pos);
    } else if (SqlTypeName.DATETIME_TYPES.contains(type.getSqlTypeName())
        && v instanceof Number n) {
      lit =
          SqlLiteral.createTimestamp(
              SqlTypeName.TIMESTAMP, TimestampString.fromMillisSinceEpoch(n.longValue()), 3, pos);
    } else if (v instanceof Float || v instanceof Double) {
      double d = ((Number) v).doubleValue();
      lit =
          Double.isFinite(d)
              ? SqlLiteral.createApproxNumeric(
                  BigDecimal.valueOf(d).toString().replace("E+", "E")
                      + (BigDecimal.valueOf(d).toString().contains("E") ? "" : "E0"),
                  pos)
              : SqlLiteral.createCharString(Double.toString(d), pos);
    } else if (v instanceof Number n) {
      lit = SqlLiteral.createExactNumeric(new BigDecimal(n.toString()).toPlainString(), pos);
    } else if (v instanceof ByteString b) {
      lit = SqlLiteral.createBinaryString(b.getBytes(), pos);
    } else if (v instanceof String s) {
      lit = SqlLiteral.createCharString(s, pos);
    } else {
      throw DeltaErrors.invalidArgument(
          "A subquery of type "
              + type.getFullTypeString()
              + " cannot be used in UPDATE, DELETE or MERGE; use MERGE with the subquery as its source.");
    }
    return SqlStdOperatorTable.CAST.createCall(
        pos, lit, SqlTypeUtil.convertTypeToSpec(type).withNullable(true));
  }
}
