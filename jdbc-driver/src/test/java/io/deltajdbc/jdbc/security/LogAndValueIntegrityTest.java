package io.deltajdbc.jdbc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.Transaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, section 4, "Log and value integrity", through plain JDBC: a damaged commit file is
 * never read as an empty commit, values are stored exactly or refused with an SQLState naming the
 * column, and no internal exception or JVM error reaches the client without an SQLState.
 */
class LogAndValueIntegrityTest {
  private static final String COMMIT_1 = "00000000000000000001.json";

  @TempDir Path dir;

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:delta:" + dir);
  }

  private static SQLException fails(Executable statement) {
    SQLException e = assertThrows(SQLException.class, statement);
    assertNotNull(e.getSQLState(), () -> "no SQLState: " + e);
    assertNotNull(e.getMessage(), () -> "no message: " + e);
    return e;
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every file of a table with its size and modification time: what "unchanged" means. */
  private static Map<String, String> files(Path table) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(table)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        out.put(
            table.relativize(p).toString(),
            Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"empty", "whitespace", "truncated"})
  void aCorruptCommitIsRefusedOnReadAndOnWriteAndNothingIsWrittenOverIt(String damage)
      throws Exception {
    Path table = dir.resolve("orders");
    Path commit = table.resolve("_delta_log").resolve(COMMIT_1);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      // A checkpoint every 2 commits: the next INSERT would write one over the damaged version.
      s.execute(
          "CREATE TABLE orders (id INT, name STRING) TBLPROPERTIES ('delta.checkpointInterval' = '2')");
      s.executeUpdate("INSERT INTO orders VALUES (1, 'a'), (2, 'b')");
      assertEquals(2, count(s, "SELECT count(*) FROM orders"));
    }
    String content = Files.readString(commit);
    switch (damage) {
      case "empty" -> Files.write(commit, new byte[0]);
      case "whitespace" -> Files.writeString(commit, " \n\n\t\n");
      default ->
          Files.writeString(
              commit, content.substring(0, content.length() - 20)); // cut in the last line
    }
    Map<String, String> before = files(table);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      SQLException read = fails(() -> count(s, "SELECT count(*) FROM orders"));
      assertEquals("XX001", read.getSQLState(), read.getMessage());
      assertTrue(read.getMessage().contains(COMMIT_1), read.getMessage());
      SQLException insert = fails(() -> s.executeUpdate("INSERT INTO orders VALUES (3, 'c')"));
      assertEquals("XX001", insert.getSQLState(), insert.getMessage());
      assertTrue(insert.getMessage().contains(COMMIT_1), insert.getMessage());
      // A batch INSERT reads the table when it is prepared: it fails there.
      SQLException prepared =
          fails(
              () -> {
                try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
                  ps.setInt(1, 4);
                  ps.setString(2, "d");
                  ps.executeUpdate();
                }
              });
      assertEquals("XX001", prepared.getSQLState(), prepared.getMessage());
      assertEquals(before, files(table), "no commit and no checkpoint over the damaged version");
      assertEquals(
          0,
          count(s, "SELECT count(*) FROM orders VERSION AS OF 0"),
          "older versions stay readable");
      assertEquals(
          0,
          count(s, "SELECT count(*) FROM orders VERSION AS OF 0"),
          "older versions stay readable");
    }
  }

  /**
   * delta-spark and delta-rs may end a commit without a newline: a complete last line is no damage.
   */
  @Test
  void aCompleteLastLineWithoutNewlineStillReads() throws Exception {
    Path commit = dir.resolve("orders").resolve("_delta_log").resolve(COMMIT_1);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id INT, name STRING)");
      s.executeUpdate("INSERT INTO orders VALUES (1, 'a'), (2, 'b')");
    }
    Files.writeString(commit, Files.readString(commit).stripTrailing());
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(2, count(s, "SELECT count(*) FROM orders"));
      s.executeUpdate("INSERT INTO orders VALUES (3, 'c')");
      assertEquals(3, count(s, "SELECT count(*) FROM orders"));
    }
  }

  /**
   * A writer whose snapshot is older than the damaged version finds it when it reads on: same
   * error.
   */
  @Test
  void aDamagedVersionAfterTheConnectionsSnapshotStopsTheNextWrite() throws Exception {
    Path table = dir.resolve("orders");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id INT, name STRING)");
      s.executeUpdate("INSERT INTO orders VALUES (1, 'a')");
      assertEquals(1, count(s, "SELECT count(*) FROM orders"));
      Path next = table.resolve("_delta_log").resolve("00000000000000000002.json");
      Files.write(next, new byte[0]);
      Map<String, String> before = files(table);
      SQLException insert = fails(() -> s.executeUpdate("INSERT INTO orders VALUES (2, 'b')"));
      assertEquals("XX001", insert.getSQLState(), insert.getMessage());
      assertTrue(insert.getMessage().contains("00000000000000000002.json"), insert.getMessage());
      assertEquals(before, files(table));
    }
  }

  /**
   * The conflict check reads the commits that won the race: a damaged winner fails the commit with
   * the same error instead of being taken for an empty commit to retry on top of. (The engine's
   * API, since through JDBC the race cannot be timed.)
   */
  @Test
  void aDamagedWinnerOfTheCommitRaceFailsTheCommit() throws Exception {
    Path table = dir.resolve("orders");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id INT, name STRING)");
    }
    DeltaTable delta = DeltaTable.forPath(table.toString());
    Transaction txn = delta.startTransaction();
    txn.write(List.of(Row.of(1, "a")).iterator());
    Files.write(table.resolve("_delta_log").resolve(COMMIT_1), new byte[0]);
    DeltaException e = assertThrows(DeltaException.class, () -> txn.commit(Operation.append()));
    assertEquals("XX001", e.sqlState(), e.getMessage());
    assertTrue(e.getMessage().contains(COMMIT_1), e.getMessage());
    assertEquals(0, Files.size(table.resolve("_delta_log").resolve(COMMIT_1)));
    assertTrue(Files.notExists(table.resolve("_delta_log").resolve("00000000000000000002.json")));
  }

  @Test
  void datesBeforeYearOneAreStoredAsTheProlepticGregorianDate() throws Exception {
    List<LocalDate> dates =
        List.of(
            LocalDate.of(-5000, 1, 1),
            LocalDate.of(0, 2, 29),
            LocalDate.of(1, 1, 1),
            LocalDate.of(1582, 10, 4),
            LocalDate.of(9999, 12, 31));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE old_dates (id INT, d DATE)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO old_dates VALUES (?, ?)")) {
        for (int i = 0; i < dates.size(); i++) {
          ps.setInt(1, i);
          ps.setObject(2, dates.get(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      List<LocalDate> read = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT d FROM old_dates ORDER BY id")) {
        while (rs.next()) {
          read.add(rs.getObject(1, LocalDate.class));
          assertEquals(read.get(read.size() - 1).toString(), rs.getString(1));
          assertEquals(read.get(read.size() - 1), rs.getObject("d", LocalDate.class));
        }
      }
      assertEquals(dates, read);
      assertEquals("-5000-01-01", dates.get(0).toString());
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM old_dates WHERE d = ?")) {
        ps.setObject(1, LocalDate.of(-5000, 1, 1));
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(0, rs.getInt(1));
        }
      }
    }
    // delta-spark reads the same days. Our files carry no Spark version, so Spark applies its
    // read-rebase setting; CORRECTED reads the proleptic Gregorian days as they are stored.
    SparkSession spark = SparkOracle.spark();
    String mode = "spark.sql.parquet.datetimeRebaseModeInRead";
    String previous = spark.conf().get(mode);
    spark.conf().set(mode, "CORRECTED");
    try {
      List<Object> sparkDates = new ArrayList<>();
      spark
          .sql("SELECT d FROM delta.`" + dir.resolve("old_dates") + "` ORDER BY id")
          .collectAsList()
          .forEach(r -> sparkDates.add(r.get(0)));
      assertEquals(new ArrayList<Object>(dates), sparkDates);
    } finally {
      spark.conf().set(mode, previous);
    }
  }

  @Test
  void javaTimeValuesBindAsParametersOfInsertsAndQueries() throws Exception {
    LocalDateTime wallClock = LocalDateTime.of(2024, 3, 1, 12, 30, 15, 250_000_000);
    Instant instant = wallClock.toInstant(ZoneOffset.UTC);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, ts TIMESTAMP, ntz TIMESTAMP_NTZ, d DATE, txt STRING)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
        ps.setInt(1, 1);
        ps.setObject(2, wallClock);
        ps.setObject(3, wallClock);
        ps.setObject(4, LocalDate.of(2024, 3, 1));
        ps.setObject(5, LocalTime.of(12, 30));
        ps.executeUpdate();
        ps.setInt(1, 2);
        ps.setObject(2, OffsetDateTime.of(wallClock.plusHours(2), ZoneOffset.ofHours(2)));
        ps.setObject(3, wallClock, java.sql.Types.TIMESTAMP);
        ps.setObject(4, LocalDate.of(2024, 3, 1).atStartOfDay());
        ps.setObject(5, LocalDate.of(2024, 3, 1));
        ps.executeUpdate();
        ps.setInt(1, 3);
        ps.setObject(2, instant);
        ps.setObject(3, wallClock);
        ps.setObject(4, LocalDate.of(2024, 3, 1));
        ps.setObject(5, null);
        ps.executeUpdate();
      }
      try (ResultSet rs = s.executeQuery("SELECT id, ts, ntz, d, txt FROM t ORDER BY id")) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(
              rs.getInt(1)
                  + "|"
                  + rs.getObject(2, Instant.class)
                  + "|"
                  + rs.getObject(3, LocalDateTime.class)
                  + "|"
                  + rs.getObject(4, LocalDate.class)
                  + "|"
                  + rs.getString(5)
                  + "|"
                  + rs.getObject(2, OffsetDateTime.class));
        }
        assertEquals(
            List.of(
                "1|2024-03-01T12:30:15.250Z|2024-03-01T12:30:15.250|2024-03-01|12:30|2024-03-01T12:30:15.250Z",
                "2|2024-03-01T12:30:15.250Z|2024-03-01T12:30:15.250|2024-03-01|2024-03-01|2024-03-01T12:30:15.250Z",
                "3|2024-03-01T12:30:15.250Z|2024-03-01T12:30:15.250|2024-03-01|null|2024-03-01T12:30:15.250Z"),
            rows);
      }
      try (PreparedStatement ps =
          c.prepareStatement("SELECT count(*) FROM t WHERE ts = ? AND d = ? AND ntz >= ?")) {
        ps.setObject(1, OffsetDateTime.of(wallClock.minusHours(5), ZoneOffset.ofHours(-5)));
        ps.setObject(2, LocalDate.of(2024, 3, 1));
        ps.setObject(3, wallClock);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(3, rs.getLong(1));
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, ts) VALUES (?, ?)")) {
        ps.setInt(1, 4);
        ps.setObject(2, wallClock.plusNanos(1_000)); // microseconds are Delta's precision: kept
        ps.executeUpdate();
      }
      assertEquals(
          1, count(s, "SELECT count(*) FROM t WHERE ts = TIMESTAMP '2024-03-01 12:30:15.250001'"));
    }
  }

  @Test
  void aTimestampBeyondDeltasRangeIs22008NamingTheColumn() throws Exception {
    Path table = dir.resolve("t");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, happened_at TIMESTAMP, amount DECIMAL(5,2))");
      Map<String, String> before = files(table);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
        ps.setInt(1, 1);
        ps.setTimestamp(2, new Timestamp(Long.MAX_VALUE));
        ps.setBigDecimal(3, BigDecimal.ONE);
        SQLException e = fails(ps::executeUpdate);
        assertEquals("22008", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("happened_at"), e.getMessage());
        ps.setTimestamp(2, new Timestamp(0));
        ps.setBigDecimal(3, new BigDecimal("1234.5"));
        SQLException numeric = fails(ps::executeUpdate);
        assertEquals("22003", numeric.getSQLState(), numeric.getMessage());
        assertTrue(numeric.getMessage().contains("amount"), numeric.getMessage());
      }
      SQLException literal =
          fails(() -> s.executeUpdate("INSERT INTO t (id, amount) VALUES (2, 1234.5)"));
      assertEquals("22003", literal.getSQLState(), literal.getMessage());
      assertTrue(literal.getMessage().contains("amount"), literal.getMessage());
      assertEquals(before, files(table), "nothing was written");
    }
  }

  /**
   * delta-spark 3.2.1 (Spark 3.5, store assignment ANSI, with or without spark.sql.ansi.enabled)
   * rounds a decimal with more digits after the point half up to the column's scale, and fails when
   * the rounded value has too many digits before it: so do we.
   */
  @Test
  void decimalRoundingOnInsertIsDeltaSparks() throws Exception {
    String values = "(1, 1.239), (2, -1.235), (3, 1.2349), (4, 0.005)";
    SparkSession spark = SparkOracle.spark();
    String sparkTable = "delta.`" + dir.resolve("spark_amounts") + "`";
    spark.sql("CREATE TABLE " + sparkTable + " (id INT, amount DECIMAL(5,2)) USING delta");
    spark.sql("INSERT INTO " + sparkTable + " VALUES " + values);
    List<String> expected = new ArrayList<>();
    spark
        .sql("SELECT id, amount FROM " + sparkTable + " ORDER BY id")
        .collectAsList()
        .forEach(r -> expected.add(r.get(0) + "|" + r.get(1)));
    assertEquals(List.of("1|1.24", "2|-1.24", "3|1.23", "4|0.01"), expected);
    assertThrows(
        RuntimeException.class,
        () -> spark.sql("INSERT INTO " + sparkTable + " VALUES (5, 999.999)"));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE amounts (id INT, amount DECIMAL(5,2))");
      s.executeUpdate("INSERT INTO amounts VALUES " + values);
      List<String> ours = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT id, amount FROM amounts ORDER BY id")) {
        while (rs.next()) {
          ours.add(rs.getInt(1) + "|" + rs.getBigDecimal(2));
        }
      }
      assertEquals(expected, ours);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO amounts VALUES (?, ?)")) {
        ps.setInt(1, 5);
        ps.setBigDecimal(2, new BigDecimal("1.239"));
        ps.executeUpdate();
        ps.setBigDecimal(2, new BigDecimal("999.999"));
        SQLException overflow = fails(ps::executeUpdate);
        assertEquals("22003", overflow.getSQLState(), overflow.getMessage());
        assertTrue(overflow.getMessage().contains("amount"), overflow.getMessage());
      }
      SQLException literal =
          fails(() -> s.executeUpdate("INSERT INTO amounts VALUES (6, 999.999)"));
      assertEquals("22003", literal.getSQLState(), literal.getMessage());
      assertEquals(
          1,
          count(s, "SELECT count(*) FROM amounts WHERE id = 5 AND amount = 1.24"),
          "a parameter rounds too");
    }
  }

  @Test
  void deepExpressionsFailWithAnSqlStateAndTheConnectionStaysUsable() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, name STRING)");
      s.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      StringBuilder nested = new StringBuilder("1");
      for (int i = 0; i < 5000; i++) {
        nested.insert(0, "(1+").append(')');
      }
      StringBuilder ors = new StringBuilder("name = 'x0'");
      for (int i = 1; i < 20000; i++) {
        ors.append(" OR name = 'x").append(i).append('\'');
      }
      // 2000 projected expressions: Janino's "Code grows beyond 64 KB" for the generated method.
      StringBuilder wide = new StringBuilder("SELECT id");
      for (int i = 0; i < 2000; i++) {
        wide.append(", id * ").append(i).append(" + CHAR_LENGTH(name) AS c").append(i);
      }
      wide.append(" FROM t");
      for (String sql :
          List.of(
              "SELECT count(*) FROM t WHERE id < " + nested,
              "SELECT count(*) FROM t WHERE " + ors,
              wide.toString())) {
        SQLException e = fails(() -> count(s, sql));
        assertEquals("54001", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("too complex"), e.getMessage());
        assertTrue(
            e.getMessage().length() < 2000,
            "no generated source, no megabyte of SQL in the message");
        assertEquals(2, count(s, "SELECT count(*) FROM t"), "the connection still works");
      }
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(2, count(s, "SELECT count(*) FROM t"), "and so do new ones");
    }
  }

  /**
   * Internal exceptions of value conversion become SQL errors: no ExceptionInInitializerError, no
   * null state.
   */
  @Test
  void internalExceptionsBecomeSqlErrors() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, d DATE)");
      SQLException cast =
          fails(() -> s.executeUpdate("INSERT INTO t VALUES (1, CAST('-5000-01-01' AS DATE))"));
      assertEquals("22007", cast.getSQLState(), cast.getMessage());
      SQLException literal =
          fails(() -> s.executeUpdate("INSERT INTO t VALUES (1, DATE '2024-13-01')"));
      assertTrue(
          literal.getSQLState().startsWith("22") || literal.getSQLState().startsWith("42"),
          literal.getSQLState() + " " + literal.getMessage());
      s.executeUpdate("INSERT INTO t (id) VALUES (1)");
      SQLException number = fails(() -> count(s, "SELECT CAST('abc' AS INT) + id FROM t"));
      assertTrue(
          number.getSQLState().startsWith("22"), number.getSQLState() + " " + number.getMessage());
      assertEquals(1, count(s, "SELECT count(*) FROM t"));
    }
  }
}
