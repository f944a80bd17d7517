package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.testing.SparkOracle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SELECT * FROM table_changes('t', a, b)} through the driver equals delta-spark's {@code
 * table_changes_by_path} over every version range of one CDF table delta-spark wrote with INSERT,
 * UPDATE, DELETE and MERGE; bad ranges fail with the engine's SQLStates; a poller resumes at the
 * last {@code _commit_version + 1}.
 */
class TableChangesTest {
  @TempDir static Path dir;

  private static String path;

  @BeforeAll
  static void table() {
    path = dir.resolve("t").toString();
    String p = "delta.`" + path + "`";
    sql(
        "CREATE TABLE "
            + p
            + " (id INT, v STRING, ts TIMESTAMP) USING delta"
            + " TBLPROPERTIES ('delta.enableChangeDataFeed' = 'true')"); // v0
    sql(
        "INSERT INTO "
            + p
            + " VALUES (1, 'a', TIMESTAMP'2024-01-01 10:00:00.123456'), (2, 'b', NULL),"
            + " (3, 'c', TIMESTAMP'2024-01-02 00:00:00.000001')"); // v1
    sql("UPDATE " + p + " SET v = 'a!' WHERE id = 1"); // v2
    sql("DELETE FROM " + p + " WHERE id = 2"); // v3
    sql(
        "MERGE INTO "
            + p
            + " t USING (SELECT * FROM VALUES (1, 'del'), (3, 'upd'), (7, 'new') AS s(id, v)) s"
            + " ON t.id = s.id WHEN MATCHED AND s.v = 'del' THEN DELETE"
            + " WHEN MATCHED THEN UPDATE SET v = s.v"
            + " WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)"); // v4
  }

  private static void sql(String sql) {
    SparkOracle.spark().sql(sql).collectAsList();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:delta:" + dir);
  }

  @Test
  void everyVersionRangeAsDeltaSpark() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(
          List.of("id", "v", "ts", "_change_type", "_commit_version", "_commit_timestamp"),
          columns(s, "SELECT * FROM table_changes('t', 0)"));
      for (int a = 0; a <= 4; a++) {
        for (int b = a; b <= 4; b++) {
          String range = a + ", " + b;
          assertEquals(
              spark("SELECT * FROM table_changes_by_path('" + path + "', " + range + ")"),
              ours(s, "SELECT * FROM table_changes('t', " + range + ")"),
              range);
        }
        assertEquals(
            spark("SELECT * FROM table_changes_by_path('" + path + "', " + a + ")"),
            ours(s, "SELECT * FROM table_changes('default.t', " + a + ")"),
            "from " + a);
      }
      Instant v2 =
          SparkOracle.spark()
              .sql("DESCRIBE HISTORY delta.`" + path + "`")
              .where("version = 2")
              .collectAsList()
              .get(0)
              .getAs("timestamp");
      String ts = Timestamp.from(v2).toInstant().toString().replace('T', ' ').replace("Z", "");
      assertEquals(
          spark("SELECT * FROM table_changes_by_path('" + path + "', '" + ts + "')"),
          ours(s, "SELECT * FROM table_changes('t', '" + ts + "')"));
      assertEquals(
          spark("SELECT * FROM table_changes_by_path('" + path + "', '" + ts + "', 3)"),
          ours(s, "SELECT * FROM table_changes('t', TIMESTAMP '" + ts + "', 3)"));
    }
  }

  @Test
  void badRangesAndNames() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertRefused(s, "SELECT * FROM table_changes('t', 9)", "22023", path);
      assertRefused(s, "SELECT * FROM table_changes('t', 3, 1)", "22003", path);
      assertRefused(s, "SELECT * FROM table_changes('nothing', 0)", "42S02", "nothing");
      sql("CREATE TABLE delta.`" + dir.resolve("plain") + "` (id INT) USING delta");
      sql("INSERT INTO delta.`" + dir.resolve("plain") + "` VALUES (1)");
      assertRefused(s, "SELECT * FROM table_changes('plain', 0, 1)", "KD002", "version 0");
    }
  }

  @Test
  void pollerResumesAtTheNextVersion() throws Exception {
    Path t = dir.resolve("polled");
    String p = "delta.`" + t + "`";
    sql(
        "CREATE TABLE "
            + p
            + " (id INT) USING delta TBLPROPERTIES ('delta.enableChangeDataFeed' = 'true')");
    sql("INSERT INTO " + p + " VALUES (1), (2)");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      long last = -1;
      List<Integer> seen = new ArrayList<>();
      last = poll(s, last, seen);
      assertEquals(1, last);
      sql("INSERT INTO " + p + " VALUES (3)");
      sql("DELETE FROM " + p + " WHERE id = 1");
      last = poll(s, last, seen);
      assertEquals(3, last);
      assertEquals(List.of(1, 2, 3, 1), seen);
      assertEquals(3, poll(s, last, seen)); // nothing new: the start is after the latest
    }
  }

  /** Reads from {@code last + 1}; the start after the latest version is delta-spark's error. */
  private static long poll(Statement s, long last, List<Integer> seen) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT id, _commit_version FROM table_changes('polled', "
                + (last + 1)
                + ") ORDER BY _commit_version, id")) {
      while (rs.next()) {
        seen.add(rs.getInt(1));
        last = Math.max(last, rs.getLong(2));
      }
      return last;
    } catch (SQLException e) {
      assertEquals("22023", e.getSQLState(), e.getMessage());
      return last;
    }
  }

  private static void assertRefused(Statement s, String sql, String state, String says) {
    SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql).close(), sql);
    assertEquals(state, e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(says), e.getMessage());
  }

  private static List<String> columns(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnLabel(i));
      }
      return out;
    }
  }

  /** Rows as text, timestamps as microseconds since the epoch, sorted. */
  private static List<String> ours(Statement s, String sql) throws SQLException {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          if (md.getColumnType(i) == java.sql.Types.TIMESTAMP) {
            Timestamp t = rs.getTimestamp(i, utc);
            values.add(t == null ? "null" : String.valueOf(micros(t.toInstant())));
          } else {
            values.add(String.valueOf(rs.getObject(i)));
          }
        }
        out.add(String.join("|", values));
      }
    }
    out.sort(null);
    return out;
  }

  private static List<String> spark(String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : SparkOracle.spark().sql(sql).collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        values.add(v instanceof Instant t ? String.valueOf(micros(t)) : String.valueOf(v));
      }
      out.add(String.join("|", values));
    }
    out.sort(null);
    return out;
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
