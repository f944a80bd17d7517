package io.deltajdbc.calcite.statement.ddl;

import io.deltajdbc.calcite.time.Micros;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.SparkSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.DateString;

/**
 * A parsed expression as Spark SQL text, for the DML executor: written with Calcite's Spark
 * dialect, with each {@code ?} replaced by its bound value as a literal, and (for UPDATE and
 * DELETE, whose expressions see one table) column references stripped of their table qualifier.
 */
public final class SparkSqlText {
  /**
   * Calcite's Spark dialect, with string literals as Spark reads them: Spark escapes with a
   * backslash, and would read Calcite's doubled quote ('it''s') as two adjacent literals ("its").
   */
  private static final SparkSqlDialect SPARK =
      new SparkSqlDialect(SparkSqlDialect.DEFAULT_CONTEXT) {
        @Override
        public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
          buf.append('\'').append(val.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        }
      };

  private SparkSqlText() {}

  /**
   * The Spark SQL of {@code node}. {@code params} are the statement's bound values by parameter
   * index; {@code unqualify} drops {@code t.} from {@code t.col}.
   */
  public static String of(SqlNode node, List<Object> params, boolean unqualify) {
    SqlNode bound =
        node.accept(
            new SqlShuttle() {
              @Override
              public SqlNode visit(SqlDynamicParam param) {
                return literal(params.get(param.getIndex()));
              }

              @Override
              public SqlNode visit(SqlIdentifier id) {
                return unqualify && id.names.size() > 1
                    ? new SqlIdentifier(id.names.get(id.names.size() - 1), id.getParserPosition())
                    : id;
              }
            });
    return bound.toSqlString(c -> c.withDialect(SPARK).withQuoteAllIdentifiers(true)).getSql();
  }

  private static SqlNode literal(Object v) {
    SqlParserPos pos = SqlParserPos.ZERO;
    if (v == null) {
      return SqlLiteral.createNull(pos);
    }
    if (v instanceof Boolean b) {
      return SqlLiteral.createBoolean(b, pos);
    }
    if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
      return SqlLiteral.createExactNumeric(v.toString(), pos);
    }
    if (v instanceof BigDecimal d) {
      return SqlLiteral.createExactNumeric(d.toPlainString(), pos);
    }
    if (v instanceof Float || v instanceof Double) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        return SqlLiteral.createCharString(
            Double.toString(d), pos); // Spark casts 'NaN', 'Infinity'
      }
      BigDecimal b = BigDecimal.valueOf(d);
      return SqlLiteral.createApproxNumeric(b.unscaledValue() + "E" + (-b.scale()), pos);
    }
    if (v instanceof java.sql.Date d) {
      return SqlLiteral.createDate(
          DateString.fromDaysSinceEpoch((int) d.toLocalDate().toEpochDay()), pos);
    }
    if (v instanceof LocalDate d) {
      return SqlLiteral.createDate(DateString.fromDaysSinceEpoch((int) d.toEpochDay()), pos);
    }
    if (v instanceof java.sql.Timestamp t) {
      return timestamp(Micros.of(t.toInstant()));
    }
    if (v instanceof Instant i) {
      return timestamp(Micros.of(i));
    }
    if (v instanceof LocalDateTime t) {
      return timestamp(Micros.of(t));
    }
    if (v instanceof java.util.Date d) {
      return timestamp(Math.multiplyExact(d.getTime(), Micros.PER_MILLI));
    }
    if (v instanceof ByteString b) {
      return SqlLiteral.createBinaryString(b.getBytes(), pos);
    }
    if (v instanceof byte[] b) {
      return SqlLiteral.createBinaryString(b, pos);
    }
    return SqlLiteral.createCharString(v.toString(), pos);
  }

  private static SqlNode timestamp(long micros) {
    return SqlLiteral.createTimestamp(
        org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP,
        Micros.timestampString(micros),
        6,
        SqlParserPos.ZERO);
  }
}
