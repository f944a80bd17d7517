package io.deltajdbc.jdbc;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables written by delta-spark (partitions, deletes with deletion vectors, column mapping, nested
 * types) read through plain JDBC: values, aggregates and time travel.
 */
class DeltaSparkTablesThroughJdbcTest {
  @TempDir Path dir;

  @Test
  void sparkWrittenTablesReadThroughJdbc() throws SQLException {
    var spark = SparkOracle.spark();
    String events = dir.resolve("events").toString();
    spark.sql(
        "CREATE TABLE delta.`"
            + events
            + "` (id BIGINT, name STRING, amount DECIMAL(10,2), event_day DATE, "
            + "ts TIMESTAMP, tags ARRAY<STRING>, attrs MAP<STRING, INT>, info STRUCT<a: INT, b: STRING>) USING delta "
            + "PARTITIONED BY (event_day) TBLPROPERTIES ('delta.enableDeletionVectors' = 'true', "
            + "'delta.columnMapping.mode' = 'name')");
    spark.sql(
        "INSERT INTO delta.`"
            + events
            + "` SELECT id, concat('n', id), CAST(id * 1.5 AS DECIMAL(10,2)), "
            + "date_add(DATE'2024-01-01', CAST(id % 3 AS INT)), TIMESTAMP'2024-01-01 00:00:00' + make_interval(0,0,0,0,0,0,id), "
            + "array('x', CAST(id AS STRING)), map('k', CAST(id AS INT)), named_struct('a', CAST(id AS INT), 'b', 'b') "
            + "FROM range(0, 30)");
    spark.sql("DELETE FROM delta.`" + events + "` WHERE id % 10 = 0");
    try (Connection conn = DriverManager.getConnection("jdbc:delta:" + dir);
        Statement s = conn.createStatement()) {
      List<String> rows = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT id, name, amount, event_day, ts, tags, attrs, info FROM events "
                  + "WHERE id < 5 ORDER BY id")) {
        while (rs.next()) {
          rows.add(
              rs.getLong(1)
                  + "|"
                  + rs.getString(2)
                  + "|"
                  + rs.getBigDecimal(3)
                  + "|"
                  + rs.getDate(4)
                  + "|"
                  + rs.getTimestamp(5).toInstant()
                  + "|"
                  + List.of((Object[]) rs.getArray(6).getArray())
                  + "|"
                  + rs.getObject(7)
                  + "|"
                  + rs.getString(8));
        }
      }
      assertEquals(
          List.of(
              "1|n1|1.50|2024-01-02|2024-01-01T00:00:01Z|[x, 1]|{k=1}|{1, b}",
              "2|n2|3.00|2024-01-03|2024-01-01T00:00:02Z|[x, 2]|{k=2}|{2, b}",
              "3|n3|4.50|2024-01-01|2024-01-01T00:00:03Z|[x, 3]|{k=3}|{3, b}",
              "4|n4|6.00|2024-01-02|2024-01-01T00:00:04Z|[x, 4]|{k=4}|{4, b}"),
          rows);
      try (ResultSet rs = s.executeQuery("SELECT count(*), sum(amount) FROM events")) {
        rs.next();
        assertEquals(27, rs.getLong(1));
        assertEquals(new BigDecimal("607.50"), rs.getBigDecimal(2));
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM events VERSION AS OF 1")) {
        rs.next();
        assertEquals(30, rs.getLong(1), "before the delete");
      }
    }
  }

  /**
   * Sums and averages of decimals have Spark's types and values: avg of DECIMAL(15,2) is
   * DECIMAL(19,6) rounded half up, sum is DECIMAL(25,2) (Calcite's defaults would truncate the
   * average to 2 decimals and keep the sum at 15 digits).
   */
  @Test
  void decimalAggregatesMatchSpark() throws SQLException {
    var spark = SparkOracle.spark();
    String t = dir.resolve("prices").toString();
    spark.sql("CREATE TABLE delta.`" + t + "` (g STRING, p DECIMAL(15,2)) USING delta");
    spark.sql(
        "INSERT INTO delta.`"
            + t
            + "` VALUES ('a', 1.00), ('a', 1.00), ('a', 0.00), ('b', 0.01), ('b', 0.02),"
            + " ('b', 0.02), ('c', 9999999999999.99), ('c', 9999999999999.99)");
    String query = "SELECT g, avg(p), sum(p) FROM %s GROUP BY g ORDER BY g";
    List<String> expected = new ArrayList<>();
    for (var r : spark.sql(String.format(query, "delta.`" + t + "`")).collectAsList()) {
      expected.add(r.getString(0) + "|" + r.getDecimal(1) + "|" + r.getDecimal(2));
    }
    List<String> ours = new ArrayList<>();
    try (Connection conn = DriverManager.getConnection("jdbc:delta:" + dir);
        Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(String.format(query, "prices"))) {
      assertEquals(6, rs.getMetaData().getScale(2));
      assertEquals(25, rs.getMetaData().getPrecision(3));
      while (rs.next()) {
        ours.add(rs.getString(1) + "|" + rs.getBigDecimal(2) + "|" + rs.getBigDecimal(3));
      }
    }
    assertEquals(
        List.of("a|0.666667|2.00", "b|0.016667|0.05", "c|9999999999999.990000|19999999999999.98"),
        expected);
    assertEquals(expected, ours);
  }
}
