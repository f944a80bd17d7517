package io.deltajdbc.jdbc.internal;

import io.deltajdbc.calcite.sql.DeltaSqlRewriter;
import io.deltajdbc.calcite.sql.parser.DeltaSqlParserImpl;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The parameters of a prepared statement that are a row count, {@code LIMIT ?}, {@code FETCH NEXT ?
 * ROWS} or {@code OFFSET ? ROWS}, and the binding of a value to one. Calcite's generated code casts
 * such a parameter to {@code Integer}, so a {@code setLong} (as jOOQ's {@code limit()} binds)
 * failed with a ClassCastException. Any integral value is taken here and bound as an int; a
 * negative count fails with 2201W (LIMIT) or 2201X (OFFSET), one beyond an int with 22003.
 */
final class LimitParameters {
  private static final Pattern ROW_COUNT_WORD =
      Pattern.compile("\\b(LIMIT|OFFSET|FETCH)\\b", Pattern.CASE_INSENSITIVE);

  /** The clause of each row-count parameter, by its 1-based index. */
  private final Map<Integer, String> clauses;

  private LimitParameters(Map<Integer, String> clauses) {
    this.clauses = clauses;
  }

  static LimitParameters of(PreparedStatement statement, String sql) {
    Map<Integer, String> clauses = new HashMap<>();
    if (sql == null || !ROW_COUNT_WORD.matcher(sql).find()) {
      return new LimitParameters(clauses);
    }
    try {
      CalciteConnectionConfig cfg =
          statement.getConnection().unwrap(CalciteConnection.class).config();
      SqlParser.Config config =
          SqlParser.config()
              .withParserFactory(DeltaSqlParserImpl.FACTORY)
              .withQuoting(cfg.quoting())
              .withQuotedCasing(cfg.quotedCasing())
              .withUnquotedCasing(cfg.unquotedCasing())
              .withCaseSensitive(cfg.caseSensitive())
              .withConformance(cfg.conformance());
      SqlNode node = SqlParser.create(DeltaSqlRewriter.rewrite(sql), config).parseStmt();
      node.accept(
          new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
              if (call instanceof SqlSelect s) {
                note(s.getFetch(), "LIMIT");
                note(s.getOffset(), "OFFSET");
              } else if (call instanceof SqlOrderBy o) {
                note(o.fetch, "LIMIT");
                note(o.offset, "OFFSET");
              }
              return super.visit(call);
            }

            private void note(SqlNode n, String clause) {
              if (n instanceof SqlDynamicParam p) {
                clauses.put(p.getIndex() + 1, clause);
              }
            }
          });
    } catch (SqlParseException | SQLException | RuntimeException e) {
      // a statement that does not parse fails when it is executed, with Calcite's message
    }
    return new LimitParameters(clauses);
  }

  /**
   * Binds {@code args} of a {@code set*} call when its parameter is a row count: true when done,
   * false for other parameters and other calls.
   */
  boolean bind(PreparedStatement statement, String method, Object[] args) throws SQLException {
    if (clauses.isEmpty()
        || args == null
        || args.length < 2
        || !(args[0] instanceof Integer index)
        || !clauses.containsKey(index)
        || !method.startsWith("set")
        || method.equals("setNull")) {
      return false;
    }
    String clause = clauses.get(index);
    Object value = args[1];
    BigInteger count;
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      count = BigInteger.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger b) {
      count = b;
    } else if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
      count = d.toBigInteger();
    } else if (value instanceof String s && s.trim().matches("[+-]?\\d+")) {
      count = new BigInteger(s.trim());
    } else {
      throw new SQLDataException(
          "Parameter "
              + index
              + " is the row count of "
              + clause
              + " and must be a whole "
              + "number; got "
              + describe(value)
              + ".",
          "22023");
    }
    if (count.signum() < 0) {
      throw new SQLDataException(
          "Parameter "
              + index
              + " is the row count of "
              + clause
              + " and must be 0 or more; got "
              + count
              + ".",
          clause.equals("LIMIT") ? "2201W" : "2201X");
    }
    if (count.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      throw new SQLDataException(
          "Parameter "
              + index
              + " is the row count of "
              + clause
              + " and must be at most "
              + Integer.MAX_VALUE
              + "; got "
              + count
              + ".",
          "22003");
    }
    statement.setInt(index, count.intValue());
    return true;
  }

  private static String describe(Object value) {
    return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
  }
}
