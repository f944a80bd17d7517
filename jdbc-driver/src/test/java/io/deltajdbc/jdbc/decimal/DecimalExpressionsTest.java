package io.deltajdbc.jdbc.decimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.testing.SparkOracle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random decimal expressions ({@link DecimalExpressions}) over a table delta-spark wrote, with
 * columns DECIMAL(5,2), (12,4), (18,0), (38,10) and (38,18) holding nulls, negative values and
 * values at each type's limits: each expression's result type ({@code getPrecision/getScale}) and
 * values ({@code getBigDecimal}, {@code getString}) through the driver must be delta-spark's for
 * the same SQL on the same table. {@code -Ddeltajdbc.decimal.seed=S} and {@code
 * -Ddeltajdbc.decimal.expressions=N} (default 300) choose them; a failure names the expression and
 * both answers. Expressions are compared ten to a query (one column each) and one by one when a
 * query of ten fails on one side.
 */
class DecimalExpressionsTest {
  private static final long SEED = Long.getLong("deltajdbc.decimal.seed", 20261202L);
  private static final int COUNT = Integer.getInteger("deltajdbc.decimal.expressions", 300);
  private static final int BATCH = 10;

  @TempDir static Path dir;
  static String path;
  static Connection conn;

  @BeforeAll
  static void table() throws SQLException {
    var spark = SparkOracle.spark();
    path = dir.resolve("nums").toString();
    spark.sql(
        "CREATE TABLE delta.`"
            + path
            + "` (id INT, a DECIMAL(5,2), b DECIMAL(12,4), c DECIMAL(18,0), "
            + "d DECIMAL(38,10), e DECIMAL(38,18), i INT, x DOUBLE, s STRING) USING delta");
    spark.sql(
        "INSERT INTO delta.`"
            + path
            + "` VALUES "
            + "(1, 999.99, 99999999.9999, 999999999999999999, 9999999999999999999999999999.9999999999, "
            + "99999999999999999999.999999999999999999, 2147483647, 123.456, '12.345'), "
            + "(2, -999.99, -12345678.1234, -999999999999999999, -1234567890.0123456789, -0.000000000000000001, -7, "
            + "-0.125, '-0.5'), "
            + "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
            + "(4, 0.01, 0.0001, 7, 0.0000000001, 3.141592653589793238, 0, 2.675, '999.999'), "
            + "(5, 123.45, 3.1416, -3, -98765432109876543210.5555555555, -99999999999999999999.999999999999999999, 12, "
            + "-999.5, ' 42.42 '), "
            + "(6, -0.50, -1.0000, 1000000, 5.5, 1.5, 3, 0.001, '7'), "
            + "(7, 1.00, 2.5000, 0, -0.0000000005, -2.000000000000000005, 100, 0.5, '0.000001')");
    conn = DriverManager.getConnection("jdbc:delta:" + dir);
  }

  @AfterAll
  static void close() throws SQLException {
    conn.close();
  }

  @Test
  void randomExpressionsMatchDeltaSpark() throws SQLException {
    DecimalExpressions generator = new DecimalExpressions(SEED);
    List<String> rowLevel = new ArrayList<>();
    List<String> aggregates = new ArrayList<>();
    for (int n = 0; n < COUNT; n++) {
      if (n % 4 == 3) {
        aggregates.add(generator.nextAggregate());
      } else {
        rowLevel.add(generator.next());
      }
    }
    List<String> failures = new ArrayList<>();
    int compared =
        compare(rowLevel, " FROM {t} ORDER BY id", failures)
            + compare(aggregates, " FROM {t}", failures);
    System.out.println(
        "DecimalExpressionsTest: "
            + compared
            + " expressions compared with delta-spark (seed "
            + SEED
            + "), "
            + failures.size()
            + " differ");
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " of "
            + compared
            + " expressions differ (seed "
            + SEED
            + "):\n"
            + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    assertEquals(COUNT, compared);
  }

  private static int compare(List<String> expressions, String from, List<String> failures)
      throws SQLException {
    int compared = 0;
    for (int start = 0; start < expressions.size(); start += BATCH) {
      List<String> batch = expressions.subList(start, Math.min(expressions.size(), start + BATCH));
      Answer spark = Answer.spark("SELECT " + String.join(", ", batch) + from);
      Answer ours = Answer.driver("SELECT " + String.join(", ", batch) + from);
      if (spark.answers() == null || ours.answers() == null) {
        for (String e : batch) {
          compareOne(
              List.of(e),
              Answer.spark("SELECT " + e + from),
              Answer.driver("SELECT " + e + from),
              failures);
        }
      } else {
        compareOne(batch, spark, ours, failures);
      }
      compared += batch.size();
    }
    return compared;
  }

  private static void compareOne(
      List<String> batch, Answer spark, Answer ours, List<String> failures) {
    if (spark.answers() == null || ours.answers() == null) {
      if (spark.answers() != null || ours.answers() != null) {
        failures.add(
            batch.get(0)
                + "\n  spark:  "
                + (spark.answers() == null ? spark.error() : spark.answers())
                + "\n  driver: "
                + (ours.answers() == null ? ours.error() : ours.answers()));
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      String expected = spark.answers().column(i);
      String actual = ours.answers().column(i);
      if (!expected.equals(actual)) {
        failures.add(batch.get(i) + "\n  spark:  " + expected + "\n  driver: " + actual);
      }
    }
  }

  /** One side's answer to a query, or the error it raised. */
  private record Answer(SparkAnswers answers, String error) {
    static Answer spark(String query) {
      try {
        return new Answer(SparkAnswers.spark(query, "nums", path), null);
      } catch (RuntimeException e) {
        return new Answer(null, String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      }
    }

    static Answer driver(String query) {
      try {
        return new Answer(SparkAnswers.driver(conn, query, "nums"), null);
      } catch (SQLException | RuntimeException e) {
        String state = e instanceof SQLException q ? q.getSQLState() : e.getClass().getSimpleName();
        return new Answer(null, state + ": " + e.getMessage());
      }
    }
  }
}
