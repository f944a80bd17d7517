package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.testing.SparkOracle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta timestamps are microseconds, and so they stay through the driver: values written by
 * delta-spark read back to the microsecond (before 1970 and near the limits of the type too),
 * filter, partition-prune, compute, cast and print at that precision; values written through the
 * driver (literals, parameters, CTAS, UPDATE, MERGE) read back in delta-spark as they were given.
 */
class TimestampMicrosTest {
  /**
   * Each value as Spark prints it: microseconds, before 1970, the first and last instants Spark
   * shows.
   */
  private static final List<String> VALUES =
      List.of(
          "2024-01-01 10:00:00.123456",
          "1969-12-31 23:59:59.999999",
          "1900-01-01 00:00:00.000001",
          "0001-01-01 00:00:00",
          "9999-12-31 23:59:59.999999",
          "2024-01-01 10:00:00.123",
          "2024-01-01 10:00:00.123457");

  @TempDir static Path dir;
  private static SparkSession spark;

  @BeforeAll
  static void sparkWritesTheTable() {
    spark = SparkOracle.spark();
    // Spark writes timestamps as INT96 and refuses years before 1900 unless told they are proleptic
    spark.conf().set("spark.sql.parquet.int96RebaseModeInWrite", "CORRECTED");
    spark.conf().set("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED");
    spark.sql(
        "CREATE TABLE delta.`"
            + path("events")
            + "` (id INT, ts TIMESTAMP, ntz TIMESTAMP_NTZ, pday TIMESTAMP) "
            + "USING delta PARTITIONED BY (pday)");
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < VALUES.size(); i++) {
      String v = VALUES.get(i);
      rows.add(
          "("
              + (i + 1)
              + ", TIMESTAMP'"
              + v
              + "', TIMESTAMP_NTZ'"
              + v
              + "', TIMESTAMP'"
              + v
              + "')");
    }
    rows.add("(8, NULL, NULL, NULL)");
    // one file per row: statistics skipping and partition pruning decide which ones a filter reads
    for (String row : rows) {
      spark.sql("INSERT INTO delta.`" + path("events") + "` VALUES " + row);
    }
  }

  private static String path(String table) {
    return dir.resolve(table).toString();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:delta:" + dir);
  }

  @Test
  void sparkWrittenMicrosecondsReadBackAsTheyWere() throws SQLException {
    List<String> got = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, ts, ntz, pday FROM events ORDER BY id")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 2; i <= 4; i++) {
        assertEquals(Types.TIMESTAMP, meta.getColumnType(i));
        assertEquals("TIMESTAMP", meta.getColumnTypeName(i));
        assertEquals(6, meta.getScale(i), "fractional digits of " + meta.getColumnName(i));
      }
      while (rs.next()) {
        Timestamp t = rs.getTimestamp(2);
        got.add(
            rs.getInt(1)
                + "|"
                + rs.getString(2)
                + "|"
                + rs.getString(3)
                + "|"
                + rs.getString(4)
                + "|"
                + (t == null ? null : t.toInstant() + "/" + t.getNanos())
                + "|"
                + rs.getObject(3, LocalDateTime.class)
                + "|"
                + rs.getObject(2, Instant.class)
                + "|"
                + rs.getObject(4, OffsetDateTime.class)
                + "|"
                + (rs.getObject(2) == null ? null : ((Timestamp) rs.getObject(2)).getNanos()));
      }
    }
    List<String> expected = new ArrayList<>();
    for (Row r :
        spark
            .sql(
                "SELECT id, CAST(ts AS STRING), CAST(ntz AS STRING), CAST(pday AS STRING), ts, ntz "
                    + "FROM delta.`"
                    + path("events")
                    + "` ORDER BY id")
            .collectAsList()) {
      Instant ts = (Instant) r.get(4);
      LocalDateTime ntz = (LocalDateTime) r.get(5);
      expected.add(
          r.getInt(0)
              + "|"
              + r.getString(1)
              + "|"
              + r.getString(2)
              + "|"
              + r.getString(3)
              + "|"
              + (ts == null ? null : ts + "/" + ts.getNano())
              + "|"
              + ntz
              + "|"
              + ts
              + "|"
              + (ts == null ? null : ts.atOffset(ZoneOffset.UTC))
              + "|"
              + (ts == null ? null : ts.getNano()));
    }
    assertEquals(expected, got);
    assertEquals(
        "1|2024-01-01 10:00:00.123456|2024-01-01 10:00:00.123456|2024-01-01 10:00:00.123456|"
            + "2024-01-01T10:00:00.123456Z/123456000|2024-01-01T10:00:00.123456|2024-01-01T10:00:00.123456Z|"
            + "2024-01-01T10:00:00.123456Z|123456000",
        got.get(0));
  }

  @Test
  void columnsAreTimestampsOfSixFractionalDigits() throws SQLException {
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getColumns(null, null, "events", null)) {
      List<String> cols = new ArrayList<>();
      while (rs.next()) {
        cols.add(
            rs.getString("COLUMN_NAME")
                + ":"
                + rs.getInt("DATA_TYPE")
                + ":"
                + rs.getString("TYPE_NAME")
                + ":"
                + rs.getInt("DECIMAL_DIGITS"));
      }
      assertEquals(
          List.of(
              "id:" + Types.INTEGER + ":INTEGER:0",
              "ts:" + Types.TIMESTAMP + ":TIMESTAMP:6",
              "ntz:" + Types.TIMESTAMP + ":TIMESTAMP:6",
              "pday:" + Types.TIMESTAMP + ":TIMESTAMP:6"),
          cols);
    }
  }

  @Test
  void filtersCompareToTheMicrosecond() throws SQLException {
    String lit = "TIMESTAMP '2024-01-01 10:00:00.123456'";
    assertEquals(List.of("1"), ids("ts = " + lit));
    assertEquals(List.of("1"), ids("ntz = " + lit));
    assertEquals(List.of("1"), ids("pday = " + lit)); // a partition value
    assertEquals(List.of("1"), ids("ts = CAST('2024-01-01 10:00:00.123456' AS TIMESTAMP)"));
    assertEquals(List.of("1", "5", "7"), ids("ts > TIMESTAMP '2024-01-01 10:00:00.123'"));
    assertEquals(
        List.of("1", "6"), ids("ts BETWEEN TIMESTAMP '2024-01-01 10:00:00.123' AND " + lit));
    assertEquals(
        List.of("6", "7"),
        ids(
            "ts IN (TIMESTAMP '2024-01-01 10:00:00.123', "
                + "TIMESTAMP '2024-01-01 10:00:00.123457')"));
    assertEquals(
        List.of("2"),
        ids(
            "ts < TIMESTAMP '1970-01-01 00:00:00' AND ts > TIMESTAMP '1969-12-31 23:59:59.999998'"));
    assertEquals(List.of("5"), ids("pday >= TIMESTAMP '9999-12-31 23:59:59.999999'"));
    assertEquals(List.of("4"), ids("ts <= TIMESTAMP '0001-01-01 00:00:00'"));
    assertEquals(
        List.of("1"), ids("ts = TIMESTAMP '2024-01-01 10:00:00.122456' + INTERVAL '0.001' SECOND"));
    assertEquals(
        List.of("1"), ids("ts - INTERVAL '1' DAY = TIMESTAMP '2023-12-31 10:00:00.123456'"));
    assertEquals(
        List.of("1"), ids("ts + INTERVAL '1' MONTH = TIMESTAMP '2024-02-01 10:00:00.123456'"));
    assertEquals(List.of("1"), ids("CAST(ts AS VARCHAR) = '2024-01-01 10:00:00.123456'"));
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT id FROM events WHERE ts = ? OR ntz = ? OR pday = ?")) {
      Timestamp t = Timestamp.from(Instant.parse("1969-12-31T23:59:59.999999Z"));
      ps.setTimestamp(1, t);
      ps.setObject(2, LocalDateTime.parse("1900-01-01T00:00:00.000001"));
      ps.setObject(3, Instant.parse("2024-01-01T10:00:00.123457Z"));
      assertEquals(List.of("2", "3", "7"), column(ps.executeQuery()));
    }
  }

  @Test
  void expressionsKeepMicroseconds() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(
          List.of("9999-12-31 23:59:59.999999|0001-01-01 00:00:00|7"),
          rows(s, "SELECT max(ts), min(ts), count(DISTINCT ts) FROM events"));
      assertEquals(
          List.of("2024-01-02 10:00:00.123456|2024|2024-01-01|2024-01-01 10:00:00"),
          rows(
              s,
              "SELECT ts + INTERVAL '1' DAY, EXTRACT(YEAR FROM ts), CAST(ts AS DATE), "
                  + "FLOOR(ts TO SECOND) FROM events WHERE id = 1"));
      assertEquals(
          List.of("2024-01-01 10:00:00.123456|2024-01-01 10:00:00.123456", "null|x"),
          rows(
              s,
              "SELECT CASE WHEN id = 1 THEN ts END, COALESCE(CAST(ts AS VARCHAR), 'x') FROM events "
                  + "WHERE id IN (1, 8) ORDER BY id"));
      assertEquals(
          List.of("2024-01-01 10:00:00.123456|2024-01-01 10:00:00.123456"),
          rows(
              s,
              "SELECT TIMESTAMP '2024-01-01 10:00:00.123456', CAST('2024-01-01 10:00:00.123456' AS TIMESTAMP)"));
      assertEquals(
          List.of("2024-01-01 10:00:00.123456"),
          rows(s, "SELECT t FROM (VALUES (TIMESTAMP '2024-01-01 10:00:00.123456')) AS v(t)"));
    }
  }

  @Test
  void timestampsInsideArraysAndStructsKeepMicroseconds() throws SQLException {
    spark.sql(
        "CREATE TABLE delta.`"
            + path("nested")
            + "` USING delta AS SELECT 1 AS id, "
            + "array(TIMESTAMP'2024-01-01 10:00:00.123456') AS a, named_struct('t', TIMESTAMP'1969-12-31 23:59:59.999999', "
            + "'n', 2) AS s");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(
          List.of("2024-01-01 10:00:00.123456|1969-12-31 23:59:59.999999|true"),
          rows(s, "SELECT x.a[1], x.s.t, x.a[1] > x.s.t FROM nested x"));
      s.execute("CREATE TABLE nested_copy AS SELECT id, a, ARRAY[x.s.t] AS b FROM nested x");
    }
    assertEquals(
        List.of("1|[2024-01-01 10:00:00.123456]|[1969-12-31 23:59:59.999999]"),
        spark
            .sql(
                "SELECT id, CAST(a AS STRING), CAST(b AS STRING) FROM delta.`"
                    + path("nested_copy")
                    + "`")
            .collectAsList()
            .stream()
            .map(r -> r.getInt(0) + "|" + r.getString(1) + "|" + r.getString(2))
            .toList());
  }

  @Test
  void valuesWrittenThroughTheDriverReadBackInSpark() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE written (id INT, ts TIMESTAMP, ntz TIMESTAMP_NTZ)");
      s.execute(
          "INSERT INTO written VALUES (1, TIMESTAMP '2024-01-01 10:00:00.123456', "
              + "TIMESTAMP '1969-12-31 23:59:59.999999')");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO written VALUES (?, ?, ?)")) {
        ps.setInt(1, 2);
        ps.setTimestamp(2, Timestamp.from(Instant.parse("0001-01-01T00:00:00.000001Z")));
        ps.setObject(3, LocalDateTime.parse("9999-12-31T23:59:59.999999"));
        ps.executeUpdate();
        ps.setInt(1, 3);
        ps.setObject(2, Instant.parse("1900-01-01T00:00:00.000001Z"));
        ps.setObject(3, LocalDateTime.parse("2024-01-01T10:00:00.000001"));
        ps.executeUpdate();
      }
      s.execute(
          "CREATE TABLE copied AS SELECT id, ts + INTERVAL '1' SECOND AS ts, ntz FROM written");
      s.execute(
          "INSERT INTO written SELECT id + 10, ts, ntz FROM written WHERE ts > TIMESTAMP '1900-01-01 00:00:00'");
      s.execute(
          "CREATE TABLE parted (id INT, ts TIMESTAMP, ntz TIMESTAMP_NTZ) PARTITIONED BY (ts)");
      s.execute("INSERT INTO parted SELECT id, ts, ntz FROM written WHERE id < 10");
      assertEquals(
          List.of("1"),
          column(
              s.executeQuery(
                  "SELECT id FROM parted WHERE ts = TIMESTAMP '2024-01-01 10:00:00.123456'")));
    }
    assertEquals(
        List.of(
            "1|2024-01-01 10:00:00.123456|1969-12-31 23:59:59.999999",
            "2|0001-01-01 00:00:00.000001|9999-12-31 23:59:59.999999",
            "3|1900-01-01 00:00:00.000001|2024-01-01 10:00:00.000001"),
        sparkRows("parted"));
    assertEquals(
        List.of(
            "1|2024-01-01 10:00:00.123456|1969-12-31 23:59:59.999999",
            "2|0001-01-01 00:00:00.000001|9999-12-31 23:59:59.999999",
            "3|1900-01-01 00:00:00.000001|2024-01-01 10:00:00.000001",
            "11|2024-01-01 10:00:00.123456|1969-12-31 23:59:59.999999",
            "13|1900-01-01 00:00:00.000001|2024-01-01 10:00:00.000001"),
        sparkRows("written"));
    assertEquals(
        List.of(
            "1|2024-01-01 10:00:01.123456|1969-12-31 23:59:59.999999",
            "2|0001-01-01 00:00:01.000001|9999-12-31 23:59:59.999999",
            "3|1900-01-01 00:00:01.000001|2024-01-01 10:00:00.000001"),
        sparkRows("copied"));
  }

  @Test
  void updateDeleteAndMergeBindMicroseconds() throws SQLException {
    spark.sql("CREATE TABLE delta.`" + path("dml") + "` (id INT, ts TIMESTAMP) USING delta");
    spark.sql(
        "INSERT INTO delta.`"
            + path("dml")
            + "` VALUES (1, TIMESTAMP'2024-01-01 10:00:00.123456'), "
            + "(2, TIMESTAMP'2024-01-01 10:00:00.123457'), (3, TIMESTAMP'1969-12-31 23:59:59.999999')");
    try (Connection c = connect()) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE dml SET ts = ? WHERE ts = ?")) {
        ps.setObject(1, LocalDateTime.parse("2029-05-05T05:05:05.000005"));
        ps.setTimestamp(2, Timestamp.from(Instant.parse("2024-01-01T10:00:00.123457Z")));
        assertEquals(1, ps.executeUpdate());
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM dml WHERE ts = ?")) {
        ps.setObject(1, Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertEquals(1, ps.executeUpdate());
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "MERGE INTO dml t USING (SELECT id FROM (VALUES (2), (5)) AS v(id)) "
                  + "src ON t.id = src.id WHEN MATCHED THEN UPDATE SET ts = ? WHEN NOT MATCHED THEN INSERT (id, ts) "
                  + "VALUES (src.id, ?)")) {
        ps.setTimestamp(1, Timestamp.from(Instant.parse("2030-05-05T05:05:05.000005Z")));
        ps.setObject(2, LocalDateTime.parse("2031-01-01T00:00:00.000008"));
        assertEquals(2, ps.executeUpdate());
      }
      try (Statement s = c.createStatement()) {
        assertEquals(
            1,
            s.executeUpdate(
                "UPDATE dml SET ts = ts + INTERVAL '1' DAY WHERE ts = TIMESTAMP '2024-01-01 10:00:00.123456'"));
        s.executeUpdate(
            "MERGE INTO dml t USING (SELECT 4 AS id, TIMESTAMP '2000-01-01 00:00:00.000009' AS ts) src "
                + "ON t.id = src.id WHEN NOT MATCHED THEN INSERT (id, ts) VALUES (src.id, src.ts)");
      }
    }
    assertEquals(
        List.of(
            "1|2024-01-02 10:00:00.123456",
            "2|2030-05-05 05:05:05.000005",
            "4|2000-01-01 00:00:00.000009",
            "5|2031-01-01 00:00:00.000008"),
        spark
            .sql("SELECT id, CAST(ts AS STRING) FROM delta.`" + path("dml") + "` ORDER BY id")
            .collectAsList()
            .stream()
            .map(r -> r.getInt(0) + "|" + r.getString(1))
            .toList());
  }

  private static List<String> sparkRows(String table) {
    List<String> out = new ArrayList<>();
    for (Row r :
        spark
            .sql(
                "SELECT id, CAST(ts AS STRING), CAST(ntz AS STRING) FROM delta.`"
                    + path(table)
                    + "` ORDER BY id")
            .collectAsList()) {
      out.add(r.getInt(0) + "|" + r.getString(1) + "|" + r.getString(2));
    }
    return out;
  }

  private static List<String> ids(String where) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      return column(s.executeQuery("SELECT id FROM events WHERE " + where + " ORDER BY id"));
    }
  }

  private static List<String> column(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static List<String> rows(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }
}
