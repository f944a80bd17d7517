package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.testing.TestData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar path (batch reader, aggregates on batches, parallel splits) gives the answers of the
 * row path ({@code deltajdbc.scan.columnar=false}, one thread): every conformance table's rows and
 * per-column aggregates, and seeded aggregates over NULLs, empty groups, decimals near their
 * limits, NaN and infinities.
 */
class ColumnarPathTest {
  @TempDir static Path warehouse;
  static Connection columnar;
  static Connection rows;

  @BeforeAll
  static void connect() throws SQLException {
    columnar = DriverManager.getConnection("jdbc:delta:" + warehouse + ";deltajdbc.scan.threads=2");
    rows =
        DriverManager.getConnection(
            "jdbc:delta:"
                + warehouse
                + ";deltajdbc.scan.columnar=false;"
                + "deltajdbc.scan.threads=1");
  }

  @AfterAll
  static void close() throws SQLException {
    columnar.close();
    rows.close();
  }

  @TestFactory
  Stream<DynamicTest> everyConformanceTableReadsTheSameOnBothPaths() throws IOException {
    Path dat = TestData.resolve("dat/out/reader_tests/generated");
    List<String> names = new ArrayList<>();
    try (Stream<Path> cases = Files.list(dat)) {
      for (Path c : cases.sorted().toList()) {
        if (Files.isDirectory(c.resolve("delta/_delta_log"))) {
          copyTree(c.resolve("delta"), warehouse.resolve("dat_" + c.getFileName()));
          names.add("dat_" + c.getFileName());
        }
      }
    }
    return names.stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      String t = "\"" + name + "\"";
                      assertSame("SELECT * FROM " + t, false);
                      List<String> aggregates = new ArrayList<>();
                      aggregates.add("count(*)");
                      try (Statement s = rows.createStatement();
                          ResultSet rs = s.executeQuery("SELECT * FROM " + t + " LIMIT 0")) {
                        ResultSetMetaData md = rs.getMetaData();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                          String c = "\"" + md.getColumnName(i) + "\"";
                          switch (md.getColumnType(i)) {
                            case Types.BIGINT,
                                Types.INTEGER,
                                Types.SMALLINT,
                                Types.TINYINT,
                                Types.DECIMAL,
                                Types.DOUBLE,
                                Types.REAL,
                                Types.FLOAT ->
                                aggregates.addAll(
                                    List.of(
                                        "count(" + c + ")",
                                        "sum(" + c + ")",
                                        "min(" + c + ")",
                                        "max(" + c + ")"));
                            case Types.DATE, Types.TIMESTAMP ->
                                aggregates.addAll(List.of("min(" + c + ")", "max(" + c + ")"));
                            case Types.VARCHAR, Types.BOOLEAN -> aggregates.add("count(" + c + ")");
                            default -> {}
                          }
                        }
                      }
                      assertSame("SELECT " + String.join(", ", aggregates) + " FROM " + t, true);
                    }));
  }

  /**
   * Seeded data: NULLs, decimals near 18 digits (sums beyond a long), NaN and infinities, empty
   * groups; the answers of both paths equal, and equal to delta-spark's on the same table.
   */
  @Test
  void seededAggregatesAgreeOnBothPaths() throws SQLException {
    try (Statement s = columnar.createStatement()) {
      s.execute(
          "CREATE TABLE seeded (g STRING, h INT, k BIGINT, big DECIMAL(18,0), m DECIMAL(15,2), "
              + "d DOUBLE, dt DATE, p STRING) PARTITIONED BY (p)");
      Random random = new Random(13);
      for (int batch = 0; batch < 6; batch++) {
        StringBuilder sql = new StringBuilder("INSERT INTO seeded VALUES ");
        for (int i = 0; i < 400; i++) {
          if (i > 0) {
            sql.append(", ");
          }
          sql.append('(')
              .append(random.nextInt(10) == 0 ? "NULL" : "'g" + random.nextInt(5) + "'")
              .append(", ")
              .append(random.nextInt(8) == 0 ? "NULL" : Integer.toString(random.nextInt(7) - 3))
              .append(", ")
              .append(random.nextInt(9) == 0 ? "NULL" : Long.toString(random.nextLong() >> 8))
              .append(", ")
              .append(
                  random.nextInt(7) == 0
                      ? "NULL"
                      : (random.nextBoolean() ? "-" : "")
                          + "99999999999999999"
                          + random.nextInt(10))
              .append(", ")
              .append(
                  random.nextInt(6) == 0
                      ? "NULL"
                      : BigDecimal.valueOf(random.nextLong() % 100_000_000_000L, 2).toPlainString())
              .append(", ")
              .append(
                  switch (random.nextInt(12)) {
                    case 0 -> "NULL";
                    case 1 -> "CAST('NaN' AS DOUBLE)";
                    case 2 -> "CAST('Infinity' AS DOUBLE)";
                    default -> Double.toString(random.nextGaussian() * 1e6);
                  })
              .append(", ")
              .append(
                  random.nextInt(10) == 0
                      ? "NULL"
                      : "DATE '2020-01-01' + INTERVAL '" + random.nextInt(2000) + "' DAY")
              .append(", '")
              .append(batch % 3)
              .append("')");
        }
        s.executeUpdate(sql.toString());
      }
    }
    String[] queries = {
      "SELECT count(*), count(big), sum(big), min(big), max(big), sum(m), avg(m), min(dt), max(dt), sum(h), "
          + "sum(k), min(k), max(k) FROM seeded",
      "SELECT g, count(*), sum(big), sum(m * 3), sum(m * (1 - m)), avg(big), sum(d), count(d), max(h) FROM seeded "
          + "GROUP BY g",
      "SELECT p, g, count(*), sum(m) FROM seeded WHERE m > 0 OR d IS NULL GROUP BY p, g",
      "SELECT count(*), sum(m) FROM seeded WHERE NOT (h >= 0 AND k < 0) AND g <> 'g1'",
      "SELECT h, count(*), sum(d), sum(d * 2) FROM seeded WHERE d > 0 OR d <= 0 GROUP BY h",
      "SELECT count(*), sum(m), max(dt) FROM seeded WHERE g LIKE 'g%' AND dt BETWEEN DATE '2021-01-01' AND "
          + "DATE '2022-01-01' AND h IN (1, 2, -3)",
      "SELECT g, sum(m), count(*) FROM seeded WHERE m > 1e30 GROUP BY g",
      "SELECT sum(m), count(*), min(dt) FROM seeded WHERE m > 1e30",
      "SELECT * FROM seeded WHERE m > 0"
    };
    SparkSession spark = SparkOracle.spark();
    List<String> differFromSpark = new ArrayList<>();
    for (String q : queries) {
      assertSame(q, true);
      List<List<String>> ours = SparkAnswers.sorted(SparkAnswers.jdbc(columnar, q, 9));
      List<List<String>> sparks =
          SparkAnswers.sorted(
              SparkAnswers.spark(
                  spark,
                  q.replace("FROM seeded", "FROM delta.`" + warehouse.resolve("seeded") + "`"),
                  9));
      if (!ours.equals(sparks)) {
        differFromSpark.add(q + "\n  ours:  " + ours + "\n  Spark: " + sparks);
      }
    }
    assertEquals(List.of(), differFromSpark, "answers that differ from delta-spark's");
    String plan = text(columnar, "EXPLAIN PLAN FOR " + queries[1]);
    assertTrue(plan.contains("DeltaAggregate"), plan);
    assertTrue(!text(rows, "EXPLAIN PLAN FOR " + queries[1]).contains("DeltaAggregate"));
  }

  private static void assertSame(String sql, boolean doublesApproximately) throws SQLException {
    List<String> a = sorted(columnar, sql, doublesApproximately);
    List<String> b = sorted(rows, sql, doublesApproximately);
    assertEquals(b, a, sql);
  }

  /**
   * The rows as text, sorted; doubles rounded to 9 significant digits where sums may add in another
   * order.
   */
  private static List<String> sorted(Connection c, String sql, boolean doublesApproximately)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          int type = md.getColumnType(i);
          boolean approximate = type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL;
          if (approximate && rs.getObject(i) != null) {
            double v = rs.getDouble(i);
            b.append(Double.isFinite(v) ? String.format("%.9g", v) : Double.toString(v));
          } else {
            b.append(rs.getString(i));
          }
          b.append('|');
        }
        out.add(b.toString());
      }
    }
    out.sort(null);
    return out;
  }

  private static String text(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      StringBuilder b = new StringBuilder();
      while (rs.next()) {
        b.append(rs.getString(1));
      }
      return b.toString();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.copy(
            p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
