package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.testing.SparkOracle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Spark SQL function the README lists, run through JDBC and by delta-spark on the same rows
 * of the same Delta table (nulls, empty arrays, texts that do not parse included): the results must
 * be the same.
 */
class SparkFunctionsTest {
  /** The functions as README documents them, each with the arguments it is checked with. */
  static final List<String> SCALARS =
      List.of(
          "nvl(s, 'none')",
          "nvl2(s, 'yes', 'no')",
          "ifnull(n, -1)",
          "if(n > 2, 'big', 'small')",
          "coalesce(s, s2, 'z')",
          "decode(n, 1, 'one', 2, 'two', 'other')",
          "concat(s, s2)",
          "concat(s, '-', n, ':')",
          "concat(s3)",
          "concat_ws('-', s, s2)",
          "concat_ws(',', s, 'x', s2)",
          "left(s, 2)",
          "right(s, 2)",
          "repeat(s, 2)",
          "lpad(s, 6, '*')",
          "rpad(s, 6, '*')",
          "ltrim(s2)",
          "rtrim(s2)",
          "length(s)",
          "reverse(s)",
          "substr(s, 2)",
          "substr(s, 2, 2)",
          "substr(s, -2, 5)",
          "substr(s, 0, 2)",
          "substr(s, 2, -1)",
          "substr(s3, n, n + 1)",
          "substring_index(s3, '.', 2)",
          "substring_index(s3, '.', -1)",
          "startswith(s, 'ab')",
          "endswith(s, 'c')",
          "find_in_set('b', s4)",
          "levenshtein(s, s2)",
          "soundex(s)",
          "hex(s)",
          "md5(s)",
          "sha1(s)",
          "crc32(s)",
          "translate(s, 'ab', 'xy')",
          "space(n)",
          "char(n + 64)",
          "s rlike '^a'",
          "regexp_like(s, 'c$')",
          "format_number(x, 2)",
          "date_add(d, 3)",
          "date_sub(d, 3)",
          "add_months(d, 1)",
          "unix_date(d)",
          "date_from_unix_date(n)",
          "timestamp_seconds(n)",
          "timestamp_millis(n)",
          "unix_seconds(ts)",
          "unix_millis(ts)",
          "date_format(ts, 'yyyy-MM-dd HH:mm')",
          "date_format(d, 'dd/MM/yyyy E')",
          "date_format(ts, 'MMM d, yyyy h:mm a')",
          "to_date(s5)",
          "to_date(s4)",
          "to_date('2024')",
          "to_date('2024-02')",
          "to_date('2024-02-30')",
          "to_date(s6, 'dd/MM/yyyy')",
          "to_date(ts)",
          "date(s5)",
          "date(ts)",
          "date('2024-02-30')",
          "date_trunc('MONTH', ts)",
          "date_trunc('hour', ts)",
          "date_trunc('WEEK', ts)",
          "date_trunc('QUARTER', ts)",
          "date_trunc('YEAR', d)",
          "trunc(d, 'MM')",
          "trunc(d, 'year')",
          "log2(x)",
          "log1p(x)",
          "pow(x, 2)",
          "log(2, x)",
          "factorial(n)",
          "bin(n)",
          "bit_count(n)",
          "greatest(n, 3)",
          "least(n, 3)",
          "array_contains(arr, 2)",
          "array_size(arr)",
          "array_max(arr)",
          "array_min(arr)",
          "array_distinct(arr)");

  static final List<String> AGGREGATES =
      List.of("bool_and(b)", "bool_or(b)", "max_by(s, n)", "min_by(s, n)");

  @TempDir static Path dir;
  static SparkSession spark;
  static Connection conn;

  @BeforeAll
  static void setUp() throws SQLException {
    spark = SparkOracle.spark();
    String t = "delta.`" + dir.resolve("t") + "`";
    spark.sql(
        "CREATE TABLE "
            + t
            + " (id INT, s STRING, s2 STRING, s3 STRING, s4 STRING, s5 STRING, s6 STRING, "
            + "n INT, x DOUBLE, d DATE, ts TIMESTAMP, arr ARRAY<INT>, b BOOLEAN) USING delta");
    spark.sql(
        "INSERT INTO "
            + t
            + " VALUES "
            + "(1, 'abc', ' hi ', 'www.apache.org', 'a,b,c', '2024-03-15', '15/03/2024', 1, 1.5, DATE'2024-01-31', "
            + "TIMESTAMP'2024-05-17 13:45:30.123', array(3, 1, 2, 1), true), "
            + "(2, 'aXbc', NULL, 'a.b', 'b', '2024-03-15 10:20:30', 'bad', 2, 10.0, DATE'2023-12-31', "
            + "TIMESTAMP'2023-12-31 23:59:59', array(), true), "
            + "(3, NULL, 'abd', NULL, NULL, 'garbage', NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
            + "(4, 'b', 'x', 'nodots', 'c,d', '2024-3-5', '01/01/1999', 5, 0.25, DATE'2024-02-29', "
            + "TIMESTAMP'2024-02-29 00:00:00', array(5), false)");
    conn = DriverManager.getConnection("jdbc:delta:" + dir);
  }

  @AfterAll
  static void tearDown() throws SQLException {
    conn.close();
  }

  @Test
  void scalarFunctionsGiveSparksResults() {
    assertEquals(List.of(), mismatches("id", SCALARS, " FROM t ORDER BY id"));
  }

  @Test
  void aggregateFunctionsGiveSparksResults() {
    assertEquals(List.of(), mismatches("count(*)", AGGREGATES, " FROM t"));
  }

  /**
   * LIKE filters, which the scan evaluates (and the batch aggregates), select the rows Spark
   * selects: pieces anywhere, anchored at either end, repeated, and negated.
   */
  @Test
  void likeFiltersSelectWhatSparkSelects() throws SQLException {
    List<String> mismatches = new ArrayList<>();
    for (String p :
        List.of(
            "%apache%",
            "%.%",
            "a%b",
            "%org",
            "www%",
            "%a%a%",
            "nodots",
            "%",
            "%dots%s%",
            "%o%o%o%",
            "w%.%.%g")) {
      for (String where : List.of("s3 LIKE '" + p + "'", "NOT s3 LIKE '" + p + "'")) {
        for (String select :
            List.of(
                "SELECT id FROM t WHERE " + where + " ORDER BY id",
                "SELECT count(*), count(s3) FROM t WHERE " + where)) {
          List<List<String>> theirs =
              spark(select.replace("FROM t", "FROM delta.`" + dir.resolve("t") + "`"));
          List<List<String>> ours = jdbc(select);
          if (!theirs.equals(ours)) {
            mismatches.add(select + ": Spark " + theirs + ", ours " + ours);
          }
        }
      }
    }
    assertEquals(List.of(), mismatches);
  }

  @Test
  void functionsInUpdateStoreWhatSparkComputes() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("CREATE TABLE u (id INT, ts TIMESTAMP, label STRING)");
      s.execute(
          "INSERT INTO u VALUES (1, TIMESTAMP '2024-05-17 13:45:30', NULL), "
              + "(2, TIMESTAMP '2024-05-18 00:00:00', 'b'), (3, NULL, 'c')");
    }
    String u = "delta.`" + dir.resolve("u") + "`";
    String set =
        "concat_ws('/', date_format(date_trunc('MONTH', ts), 'yyyy-MM-dd HH:mm'), nvl(label, 'none'))";
    String where = "to_date(ts) = DATE '2024-05-17' OR ts IS NULL";
    List<List<String>> expected =
        spark(
            "SELECT id, CASE WHEN "
                + where
                + " THEN "
                + set
                + " ELSE label END FROM "
                + u
                + " ORDER BY id");
    try (Statement s = conn.createStatement()) {
      assertEquals(2, s.executeUpdate("UPDATE u SET label = " + set + " WHERE " + where));
    }
    assertEquals(
        List.of(List.of("1", "2024-05-01 00:00/none"), List.of("2", "b"), List.of("3", "c")),
        expected);
    assertEquals(expected, spark("SELECT id, label FROM " + u + " ORDER BY id"));
  }

  /**
   * The expressions whose results differ, with both sides' values: all in one query on each side
   * (one Spark job), then each alone when our query fails, to name the one that does.
   */
  private static List<String> mismatches(String first, List<String> exprs, String from) {
    String sql = "SELECT " + first + ", " + String.join(", ", exprs) + from;
    List<List<String>> theirs =
        spark(sql.replace("FROM t", "FROM delta.`" + dir.resolve("t") + "`"));
    List<String> mismatches = new ArrayList<>();
    List<List<String>> ours;
    try {
      ours = jdbc(sql);
    } catch (SQLException | RuntimeException e) {
      for (String expr : exprs) {
        try {
          jdbc("SELECT " + first + ", " + expr + from);
        } catch (SQLException | RuntimeException alone) {
          mismatches.add(expr + " failed: " + alone.getMessage());
        }
      }
      return mismatches.isEmpty() ? List.of("the query failed: " + e.getMessage()) : mismatches;
    }
    for (int c = 0; c < exprs.size(); c++) {
      List<String> theirColumn = column(theirs, c + 1);
      List<String> ourColumn = column(ours, c + 1);
      if (!theirColumn.equals(ourColumn)) {
        mismatches.add(exprs.get(c) + ": Spark " + theirColumn + ", ours " + ourColumn);
      }
    }
    return mismatches;
  }

  private static List<String> column(List<List<String>> rows, int c) {
    return rows.stream().map(r -> r.get(c)).toList();
  }

  private static List<List<String>> jdbc(String sql) throws SQLException {
    return SparkAnswers.jdbc(conn, sql, 12);
  }

  private static List<List<String>> spark(String sql) {
    return SparkAnswers.spark(spark, sql, 12);
  }
}
