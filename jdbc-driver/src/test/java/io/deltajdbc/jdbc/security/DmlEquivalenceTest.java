package io.deltajdbc.jdbc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.SparkOracle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, section 3, randomised: generated conditions and expressions over every column type
 * (NULLs, division, casts, LIKE with escapes, string functions, dates, decimals near their limits,
 * strings that look like {@code ${...}}), each checked as a user would: {@code SELECT ... WHERE c}
 * selects the rows {@code UPDATE ... WHERE c} and {@code DELETE ... WHERE c} change, and {@code
 * SELECT expr} is what {@code SET col = expr} stores; a statement whose SELECT fails fails too and
 * changes nothing. SQL lets an implementation evaluate the parts of an expression in any order, so
 * where one part fails on a row (division by zero, a cast) a SELECT and a DML statement may
 * disagree on whether the statement fails: such statements must change nothing when they fail, and
 * are counted (a few percent at most). Seeded ({@code -Ddeltajdbc.equivalence.seed}); the seed and
 * the statement are in every failure message. {@code -Ddeltajdbc.equivalence.statements} sets the
 * number of statements (2,000 by default).
 */
class DmlEquivalenceTest {
  private static final String COLUMNS =
      "id INT, n INT, b BIGINT, d DOUBLE, m DECIMAL(12,2), w DECIMAL(38,10), "
          + "s STRING, dt DATE, ts TIMESTAMP, f BOOLEAN, mark INT";
  private static final String[] ROWS = {
    "(1, 2, 10, 3.7, 1.50, 12345678901234567890.0123456789, 'x_y', DATE '2024-02-29', TIMESTAMP '2024-01-01 10:00:00', TRUE, 0)",
    "(2, 3, -7, -3.7, -2.25, -0.0000000001, 'x\\_y', DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59.999', FALSE, 0)",
    "(3, 0, 0, 0.5, 0.00, 0, 'xay', DATE '1900-01-01', TIMESTAMP '1970-01-01 00:00:00', NULL, 0)",
    "(4, NULL, NULL, NULL, NULL, NULL, '${env:HOME}', NULL, NULL, TRUE, 0)",
    "(5, 2147483647, 9223372036854775807, 1.0E300, 9999999999.99, 9999999999999999999999999999.9999999999, '%', "
        + "DATE '9999-12-31', TIMESTAMP '9999-12-31 23:59:59', FALSE, 0)",
    "(6, -2147483648, -9223372036854775808, -1.0E-300, -9999999999.99, -1, '', DATE '0001-01-01', "
        + "TIMESTAMP '0001-01-01 00:00:00', TRUE, 0)",
    "(7, 7, 70, 7.25, 7.25, 7.25, 'Grüße ${x}', DATE '2000-01-01', TIMESTAMP '2000-01-01 12:30:45.123', FALSE, 0)",
    "(8, -1, 1, -0.0, 0.01, 0.5, ' padded ', DATE '1999-12-31', TIMESTAMP '1999-12-31 23:59:59', NULL, 0)",
    "(9, 100, 100, 100.0, 100.00, 100, 'x!_y', DATE '2024-01-01', TIMESTAMP '2024-01-01 00:00:00', TRUE, 0)",
    "(10, 15, -15, 1.5, 1.55, 1.555, 'it''s', DATE '2023-06-15', TIMESTAMP '2023-06-15 08:00:00', FALSE, 0)"
  };
  private static final String[] STRINGS = {
    "'x_y'",
    "'x\\_y'",
    "'${env:HOME}'",
    "'%'",
    "''",
    "'it''s'",
    "'X_Y'",
    "'Grüße ${x}'",
    "' padded '",
    "'xay'",
    "'${HOME}'"
  };
  private static final String[] PATTERNS = {
    "'x_y'",
    "'x\\_y'",
    "'x%'",
    "'%y'",
    "'%$%'",
    "'_'",
    "'%''%'",
    "'%ü%'",
    "'x!_y' ESCAPE '!'",
    "'%!%' ESCAPE '!'",
    "'${%'",
    "'%\\%'"
  };

  @TempDir Path dir;

  /** Statements where SELECT and DML disagreed on failing, as SQL's evaluation order allows. */
  private int orderDependent;

  @BeforeAll
  static void oracleFirst() {
    SparkOracle.spark();
  }

  @Test
  void dmlMeansWhatSelectMeans() throws SQLException {
    long seed = Long.getLong("deltajdbc.equivalence.seed", System.nanoTime());
    int statements = Integer.getInteger("deltajdbc.equivalence.statements", 2000);
    Random random = new Random(seed);
    Expressions gen = new Expressions(random);
    try (Connection conn = DriverManager.getConnection("jdbc:delta:" + dir);
        Statement st = conn.createStatement()) {
      st.executeUpdate("CREATE TABLE base (" + COLUMNS + ")");
      st.executeUpdate("INSERT INTO base VALUES " + String.join(", ", ROWS));
      st.executeUpdate("CREATE TABLE t AS SELECT * FROM base");
      for (int i = 1; i <= statements; i++) {
        String where = gen.condition(3);
        String context = "seed " + seed + ", statement " + i + ": ";
        switch (random.nextInt(10)) {
          case 0 -> delete(st, where, context);
          case 1, 2, 3 -> assign(st, gen, random, i, context);
          default -> update(st, where, i, context);
        }
      }
    }
    System.out.println(
        "DmlEquivalenceTest: seed "
            + seed
            + ", "
            + statements
            + " statements, "
            + orderDependent
            + " failed on one side only (evaluation order)");
    assertEquals(
        true,
        orderDependent * 10 <= statements,
        "seed "
            + seed
            + ": "
            + orderDependent
            + " of "
            + statements
            + " statements failed on one side only");
  }

  /**
   * Runs DML whose SELECT succeeded; a data exception (SQLState 22xxx) is allowed when it changes
   * nothing.
   */
  private int dml(Statement st, String sql, String context) throws SQLException {
    long version = version();
    try {
      return st.executeUpdate(sql);
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("22")) {
        throw e;
      }
      assertEquals(version, version(), context + sql);
      orderDependent++;
      return -1;
    }
  }

  /**
   * The ids of the rows ({@code id, mark}) that {@code which} accepts, read with the engine (no
   * query to compile).
   */
  private List<String> ids(Predicate<Row> which) {
    List<String> out = new ArrayList<>();
    try (CloseableIterator<Row> rows =
        DeltaTable.forPath(dir.resolve("t").toString())
            .latestSnapshot()
            .scanBuilder()
            .withColumns(List.of("id", "mark"))
            .build()
            .rows()) {
      while (rows.hasNext()) {
        Row r = rows.next();
        if (which.test(r)) {
          out.add(r.get(0).toString());
        }
      }
    }
    out.sort(Comparator.comparingInt(Integer::parseInt));
    return out;
  }

  private long version() {
    return DeltaTable.forPath(dir.resolve("t").toString()).latestSnapshot().version();
  }

  /** UPDATE t SET mark = i WHERE c marks exactly the rows SELECT ... WHERE c returns. */
  private void update(Statement st, String where, int i, String context) throws SQLException {
    String sql = "UPDATE t SET mark = " + i + " WHERE " + where;
    List<String> selected;
    try {
      selected = column(st, "SELECT id FROM t WHERE " + where + " ORDER BY id");
    } catch (SQLException e) {
      failsAndChangesNothing(st, sql, context);
      return;
    }
    int changed = dml(st, sql, context);
    if (changed >= 0) {
      assertEquals(selected.size(), changed, context + sql);
      assertEquals(selected, ids(r -> Integer.valueOf(i).equals(r.get(1))), context + sql);
    }
  }

  /**
   * DELETE FROM t WHERE c deletes exactly the rows SELECT ... WHERE c returns; then they are put
   * back.
   */
  private void delete(Statement st, String where, String context) throws SQLException {
    String sql = "DELETE FROM t WHERE " + where;
    List<String> all = ids(r -> true);
    List<String> selected;
    try {
      selected = column(st, "SELECT id FROM t WHERE " + where + " ORDER BY id");
    } catch (SQLException e) {
      failsAndChangesNothing(st, sql, context);
      return;
    }
    int changed = dml(st, sql, context);
    if (changed < 0) {
      return;
    }
    assertEquals(selected.size(), changed, context + sql);
    List<String> left = new ArrayList<>(all);
    left.removeAll(selected);
    assertEquals(left, ids(r -> true), context + sql);
    if (!selected.isEmpty()) {
      st.executeUpdate(
          "INSERT INTO t SELECT * FROM base WHERE id IN (" + String.join(", ", selected) + ")");
    }
  }

  /**
   * UPDATE t SET col = expr WHERE id = k stores what SELECT CAST(expr AS type) shows for that row.
   */
  private void assign(Statement st, Expressions gen, Random random, int i, String context)
      throws SQLException {
    int id = 1 + random.nextInt(ROWS.length);
    String[] target = gen.assignment();
    String sql = "UPDATE t SET " + target[0] + " = " + target[1] + " WHERE id = " + id;
    List<String> expected;
    try {
      expected =
          column(st, "SELECT CAST(" + target[1] + " AS " + target[2] + ") FROM t WHERE id = " + id);
    } catch (SQLException e) {
      failsAndChangesNothing(st, sql, context);
      return;
    }
    List<String> before = column(st, "SELECT " + target[0] + " FROM t WHERE id = " + id);
    int changed;
    try {
      changed = st.executeUpdate(sql);
    } catch (SQLException e) {
      // A value that does not fit its column is refused by the writer, as INSERT refuses it: never
      // stored changed.
      assertNotNull(e.getSQLState(), context + sql + ": " + e.getMessage());
      assertEquals(
          before, column(st, "SELECT " + target[0] + " FROM t WHERE id = " + id), context + sql);
      return;
    }
    assertEquals(1, changed, context + sql);
    assertEquals(
        expected, column(st, "SELECT " + target[0] + " FROM t WHERE id = " + id), context + sql);
  }

  /** DML whose SELECT failed: it fails too and changes nothing, or (evaluation order) succeeds. */
  private void failsAndChangesNothing(Statement st, String sql, String context)
      throws SQLException {
    long version = version();
    List<String> rows =
        column(st, "SELECT id || ':' || COALESCE(CAST(mark AS VARCHAR), '-') FROM t ORDER BY id");
    try {
      st.executeUpdate(sql);
    } catch (SQLException e) {
      assertNotNull(e.getSQLState(), context + sql + ": " + e.getMessage());
      assertNotNull(e.getMessage(), context + sql);
      assertEquals(version, version(), context + sql);
      assertEquals(
          rows,
          column(
              st, "SELECT id || ':' || COALESCE(CAST(mark AS VARCHAR), '-') FROM t ORDER BY id"));
      return;
    }
    orderDependent++;
    st.executeUpdate("DELETE FROM t");
    st.executeUpdate("INSERT INTO t SELECT * FROM base");
  }

  private static List<String> column(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(Objects.toString(rs.getObject(1)));
      }
    }
    return out;
  }

  /** The generator of conditions and values. */
  private static final class Expressions {
    private final Random r;

    Expressions(Random r) {
      this.r = r;
    }

    private String pick(String... options) {
      return options[r.nextInt(options.length)];
    }

    String condition(int depth) {
      int k = r.nextInt(depth > 0 ? 16 : 12);
      return switch (k) {
        case 0, 1 -> numeric(2) + " " + pick("=", "<>", "<", "<=", ">", ">=") + " " + numeric(2);
        case 2 -> "s " + pick("LIKE", "NOT LIKE") + " " + pick(PATTERNS);
        case 3 ->
            pick("n", "b", "d", "m", "w", "s", "dt", "ts", "f") + pick(" IS NULL", " IS NOT NULL");
        case 4 ->
            numeric(1) + pick(" BETWEEN ", " NOT BETWEEN ") + numeric(0) + " AND " + numeric(0);
        case 5 ->
            pick("n", "id", "b")
                + pick(" IN ", " NOT IN ")
                + "("
                + pick("1, 2, 3", "0, NULL", "7, -1", "100")
                + ")";
        case 6 -> string() + " " + pick("=", "<>", "<", ">") + " " + pick(STRINGS);
        case 7 ->
            date()
                + " "
                + pick("=", "<", ">=")
                + " "
                + pick(
                    "DATE '1970-01-01'",
                    "DATE '2024-02-29'",
                    "DATE '0001-01-01'",
                    "DATE '2000-01-01'");
        case 8 ->
            "ts "
                + pick("<", ">", "=")
                + " "
                + pick(
                    "TIMESTAMP '1970-01-01 00:00:00'",
                    "TIMESTAMP '2000-01-01 12:30:45.123'",
                    "TIMESTAMP '1969-12-31 23:59:59.999'");
        case 9 -> pick("f", "NOT f", "f IS TRUE", "f IS NOT FALSE", "f AND n > 2");
        case 10 ->
            "CAST("
                + pick("d", "m", "s", "n", "w")
                + " AS "
                + pick("INT", "BIGINT", "DECIMAL(5,1)", "VARCHAR(30)", "DOUBLE")
                + ") "
                + pick("=", ">", "<>")
                + " "
                + pick("3", "'3'", "1", "0");
        case 11 -> "CHAR_LENGTH(s) " + pick("=", ">", "<") + " " + r.nextInt(12);
        case 12 -> "(" + condition(depth - 1) + ") AND (" + condition(depth - 1) + ")";
        case 13 -> "(" + condition(depth - 1) + ") OR (" + condition(depth - 1) + ")";
        case 14 -> "NOT (" + condition(depth - 1) + ")";
        default ->
            "CASE WHEN "
                + condition(depth - 1)
                + " THEN "
                + condition(depth - 1)
                + " ELSE "
                + condition(depth - 1)
                + " END";
      };
    }

    String numeric(int depth) {
      int k = r.nextInt(depth > 0 ? 12 : 6);
      return switch (k) {
        case 0, 1 -> pick("id", "n", "b", "d", "m", "w");
        case 2 -> pick("0", "1", "2", "-1", "3.7", "0.5", "2147483647", "1.0E10", "-0.01", "NULL");
        case 3 -> "CAST(NULL AS INT)";
        case 4 ->
            pick(
                "ABS(n)",
                "MOD(id, 3)",
                "CHAR_LENGTH(s)",
                "EXTRACT(YEAR FROM dt)",
                "FLOOR(d)",
                "CEIL(m)");
        case 5 -> pick("id / 2", "n / 2", "m / 3", "id * 1.5");
        case 6 ->
            "(" + numeric(depth - 1) + " " + pick("+", "-", "*") + " " + numeric(depth - 1) + ")";
        case 7 -> "(" + numeric(depth - 1) + " / " + numeric(depth - 1) + ")";
        case 8 -> "COALESCE(" + numeric(depth - 1) + ", " + numeric(0) + ")";
        case 9 ->
            "CAST("
                + numeric(depth - 1)
                + " AS "
                + pick("INT", "DECIMAL(10,3)", "DOUBLE", "BIGINT")
                + ")";
        case 10 ->
            "CASE WHEN "
                + condition(0)
                + " THEN "
                + numeric(depth - 1)
                + " ELSE "
                + numeric(0)
                + " END";
        default -> "(" + numeric(depth - 1) + " % " + pick("2", "3", "n") + ")";
      };
    }

    String string() {
      return pick(
          "s",
          "UPPER(s)",
          "LOWER(s)",
          "TRIM(s)",
          "SUBSTRING(s FROM 1 FOR 2)",
          "s || '!'",
          "CAST(n AS VARCHAR(20))",
          "CAST(dt AS VARCHAR(20))",
          "REPLACE(s, '_', '-')",
          "COALESCE(s, '${null}')");
    }

    String date() {
      return pick(
          "dt",
          "dt + INTERVAL '1' DAY",
          "CAST(ts AS DATE)",
          "dt - INTERVAL '1' MONTH",
          "CAST('2024-02-29' AS DATE)");
    }

    /** {column, value expression, SQL type of the column}. */
    String[] assignment() {
      return switch (r.nextInt(8)) {
        case 0 -> new String[] {"n", numeric(2), "INT"};
        case 1 -> new String[] {"b", numeric(2), "BIGINT"};
        case 2 -> new String[] {"d", numeric(2), "DOUBLE"};
        case 3 -> new String[] {"m", numeric(2), "DECIMAL(12,2)"};
        case 4 -> new String[] {"w", numeric(2), "DECIMAL(38,10)"};
        case 5 -> new String[] {"s", string(), "VARCHAR"};
        case 6 -> new String[] {"dt", date(), "DATE"};
        default -> new String[] {"f", condition(1), "BOOLEAN"};
      };
    }
  }
}
