package io.deltajdbc.jdbc.decimal;

import static io.deltajdbc.jdbc.decimal.SparkAnswers.assertSame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.testing.SparkOracle;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases of the issue, each compared with delta-spark on a table it wrote: a TPC-H Q14-style
 * ratio ({@code 100.00 * sum(case ...) / sum(...)}), a division returning its 6 declared decimals
 * (Calcite's runtime gave 16 significant digits), products whose scale Spark reduces, constant
 * expressions (folded by the planner), division by zero and overflow as NULL, and what INSERT, CTAS
 * and UPDATE of a decimal expression write.
 */
class DecimalResultsTest {
  @TempDir static Path dir;
  static String lineitem;
  static Connection conn;

  @BeforeAll
  static void tables() throws SQLException {
    var spark = SparkOracle.spark();
    lineitem = dir.resolve("lineitem").toString();
    spark.sql(
        "CREATE TABLE delta.`"
            + lineitem
            + "` (l_type STRING, l_extendedprice DECIMAL(12,2), "
            + "l_discount DECIMAL(12,2), l_quantity DECIMAL(12,2)) USING delta");
    spark.sql(
        "INSERT INTO delta.`"
            + lineitem
            + "` VALUES ('PROMO BRUSHED', 21168.23, 0.04, 17), "
            + "('STANDARD POLISHED', 45983.16, 0.09, 36), ('PROMO PLATED', 13309.60, 0.10, 8), "
            + "('ECONOMY ANODIZED', 28955.64, 0.09, 28), ('PROMO BURNISHED', 22824.48, 0.10, 24), "
            + "('LARGE BRUSHED', 49620.16, 0.07, 32), ('SMALL PLATED', 44694.46, 0.00, 38), (NULL, NULL, NULL, NULL)");
    conn = DriverManager.getConnection("jdbc:delta:" + dir);
  }

  @AfterAll
  static void close() throws SQLException {
    conn.close();
  }

  @Test
  void q14PromoRevenueHasSparksTypeAndValue() throws SQLException {
    assertSame(
        conn,
        "SELECT 100.00 * sum(CASE WHEN l_type LIKE 'PROMO%' THEN l_extendedprice * (1 - l_discount) "
            + "ELSE 0 END) / sum(l_extendedprice * (1 - l_discount)) AS promo_revenue FROM {t}",
        "lineitem",
        lineitem);
  }

  /**
   * Q8's shape: a ratio of two sums of DECIMAL(38,2) (TPC-H's sums of products) is DECIMAL(38,6)
   * and carries exactly 6 decimals, rounded half up; of DECIMAL(12,2) sums it is DECIMAL(38,16).
   */
  @Test
  void divisionOfSumsHasItsDeclaredDecimals() throws SQLException {
    String q =
        "SELECT sum(CASE WHEN l_type LIKE 'PROMO%' THEN l_extendedprice * (1 - l_discount) ELSE 0 END) "
            + "/ sum(l_extendedprice * (1 - l_discount)) AS mkt_share, "
            + "sum(CASE WHEN l_type LIKE 'PROMO%' THEN l_extendedprice ELSE 0 END) / sum(l_extendedprice) AS share, "
            + "CAST(sum(l_extendedprice) AS DECIMAL(38,2)) / CAST(sum(l_quantity) AS DECIMAL(38,2)) AS wide FROM {t}";
    assertSame(conn, q, "lineitem", lineitem);
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(q.replace("{t}", "lineitem"))) {
      rs.next();
      assertEquals(38, rs.getMetaData().getPrecision(3));
      assertEquals(6, rs.getMetaData().getScale(3));
      for (int i = 1; i <= 3; i++) {
        assertEquals(rs.getMetaData().getScale(i), rs.getBigDecimal(i).scale(), "column " + i);
      }
    }
  }

  /**
   * Q17's {@code sum(...) / 7.0} and {@code 0.2 * avg(...)}; the fraction is written {@code .2}:
   * Calcite's parser types {@code 0.2} as DECIMAL(2,1) (it counts the leading zero) where Spark
   * says DECIMAL(1,1), so the product would have one digit more than Spark's.
   */
  @Test
  void q17AverageOfAverageHasSparksTypeAndValue() throws SQLException {
    assertSame(
        conn,
        "SELECT sum(l_extendedprice) / 7.0 AS avg_yearly, .2 * avg(l_quantity) AS small, "
            + "avg(l_extendedprice) AS a FROM {t}",
        "lineitem",
        lineitem);
  }

  @Test
  void groupedDistinctAndWindowedAggregatesMatchSpark() throws SQLException {
    assertSame(
        conn,
        "SELECT l_discount AS k, avg(l_extendedprice), avg(DISTINCT l_quantity), "
            + "sum(l_extendedprice * l_discount), avg(l_extendedprice / l_quantity) FROM {t} GROUP BY l_discount "
            + "ORDER BY k NULLS LAST",
        "lineitem",
        lineitem);
    assertSame(
        conn,
        "SELECT l_type, avg(l_extendedprice) OVER (PARTITION BY l_discount), "
            + "sum(l_discount) OVER (ORDER BY l_type NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM {t} "
            + "ORDER BY l_type NULLS LAST",
        "lineitem",
        lineitem);
  }

  @Test
  void rowByRowArithmeticIsRoundedToItsScale() throws SQLException {
    assertSame(
        conn,
        "SELECT l_extendedprice / l_quantity, l_extendedprice * l_discount, l_extendedprice % l_quantity, "
            + "l_extendedprice - l_discount, l_discount / 3.00 FROM {t} ORDER BY l_extendedprice NULLS LAST",
        "lineitem",
        lineitem);
  }

  /**
   * Literals only (the planner does not fold them: Calcite's prepare registers no reduction rules;
   * {@link ConstantFoldingTest} shows folding would give the same values).
   */
  @Test
  void constantExpressionsHaveSparksValues() throws SQLException {
    assertSame(
        conn,
        "SELECT 2.00 / 3.00, 1.5 * 1.25, 10.0 % 3.3, 1.1 + 2.02, 1.00 / 0.00, "
            + "CAST(1 AS DECIMAL(38,18)) / CAST(3 AS DECIMAL(38,18)) FROM {t} LIMIT 1",
        "lineitem",
        lineitem);
  }

  /**
   * Spark without ANSI mode (the oracle's session) answers NULL to a division by zero and to an
   * overflow.
   */
  @Test
  void divisionByZeroAndOverflowAreNull() throws SQLException {
    assertSame(
        conn,
        "SELECT l_extendedprice / (l_discount - l_discount), "
            + "CAST(99999999999999999999999999.99 AS DECIMAL(28,2)) * CAST(1000000000000000000 AS DECIMAL(19,0)) * l_quantity "
            + "FROM {t} ORDER BY l_extendedprice NULLS LAST",
        "lineitem",
        lineitem);
  }

  @Test
  void ctasAndInsertWriteTheValuesSparkComputes() throws SQLException {
    String expr =
        "l_extendedprice / l_quantity AS per_unit, l_extendedprice * (1 - l_discount) AS net";
    try (Statement s = conn.createStatement()) {
      s.execute("CREATE TABLE shares AS SELECT " + expr + " FROM lineitem");
      s.execute("INSERT INTO shares SELECT " + expr + " FROM lineitem WHERE l_type LIKE 'PROMO%'");
    }
    List<String> expected = new ArrayList<>();
    var spark = SparkOracle.spark();
    String source = "SELECT " + expr + " FROM delta.`" + lineitem + "`";
    for (Row r :
        spark
            .sql(source + " UNION ALL " + source + " WHERE l_type LIKE 'PROMO%' ORDER BY 1, 2")
            .collectAsList()) {
      expected.add(r.get(0) + " " + r.get(1));
    }
    List<String> written = new ArrayList<>();
    for (Row r :
        spark
            .sql("SELECT * FROM delta.`" + dir.resolve("shares") + "` ORDER BY 1, 2")
            .collectAsList()) {
      written.add(r.get(0) + " " + r.get(1));
    }
    assertEquals(expected, written);
    assertEquals(
        "DECIMAL(27,15) DECIMAL(26,4)",
        String.join(
            " ",
            spark
                .sql("SELECT * FROM delta.`" + dir.resolve("shares") + "`")
                .schema()
                .fields()[0]
                .dataType()
                .sql(),
            spark
                .sql("SELECT * FROM delta.`" + dir.resolve("shares") + "`")
                .schema()
                .fields()[1]
                .dataType()
                .sql()));
  }

  /**
   * UPDATE's expressions are computed by the same operators; the column's scale rounds the stored
   * value.
   */
  @Test
  void updateWritesTheValuesSparkComputes() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("CREATE TABLE prices AS SELECT l_type, l_extendedprice FROM lineitem");
      s.execute(
          "UPDATE prices SET l_extendedprice = l_extendedprice / 7.00 * 3.00 WHERE l_type LIKE 'PROMO%'");
    }
    var spark = SparkOracle.spark();
    List<String> expected = new ArrayList<>();
    for (Row r :
        spark
            .sql(
                "SELECT l_type, CASE WHEN l_type LIKE 'PROMO%' THEN CAST(l_extendedprice / 7.00 * 3.00 "
                    + "AS DECIMAL(12,2)) ELSE l_extendedprice END FROM delta.`"
                    + lineitem
                    + "` ORDER BY 1, 2")
            .collectAsList()) {
      expected.add(r.get(0) + " " + r.get(1));
    }
    List<String> written = new ArrayList<>();
    for (Row r :
        spark
            .sql("SELECT * FROM delta.`" + dir.resolve("prices") + "` ORDER BY 1, 2")
            .collectAsList()) {
      written.add(r.get(0) + " " + r.get(1));
    }
    assertEquals(expected, written);
  }

  @Test
  void writtenTypesReadBackAsDeclared() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT l_discount / 3.00 FROM lineitem " + "WHERE l_type = 'PROMO PLATED'")) {
      rs.next();
      assertEquals(new BigDecimal("0.033333"), rs.getBigDecimal(1));
    }
  }
}
