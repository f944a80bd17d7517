package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a JDBC client sees of the connection's transaction contract, of its errors and of bound row
 * counts: auto-commit on and reported, commit() a no-op, rollback() a no-op with a warning, the
 * isolation levels DatabaseMetaData reports being the ones that can be set, no SQLException without
 * a message, and LIMIT/OFFSET parameters bound with any integral type.
 */
class ClientBehaviourTest {
  private static final int[] LEVELS = {
    Connection.TRANSACTION_NONE,
    Connection.TRANSACTION_READ_UNCOMMITTED,
    Connection.TRANSACTION_READ_COMMITTED,
    Connection.TRANSACTION_REPEATABLE_READ,
    Connection.TRANSACTION_SERIALIZABLE
  };

  @TempDir static Path dir;
  static Connection conn;

  @BeforeAll
  static void connect() throws SQLException {
    Warehouse.create(dir);
    conn = DriverManager.getConnection("jdbc:delta:" + dir);
  }

  @AfterAll
  static void close() throws SQLException {
    conn.close();
  }

  @Test
  void aNewConnectionIsInAutoCommitModeAndRefusesToLeaveIt() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + dir)) {
      assertTrue(c.getAutoCommit());
      c.setAutoCommit(true);
      assertTrue(c.getAutoCommit());
      SQLException e =
          assertThrows(SQLFeatureNotSupportedException.class, () -> c.setAutoCommit(false));
      assertEquals("0A000", e.getSQLState());
      assertTrue(
          e.getMessage().contains("every statement is its own Delta commit"), e.getMessage());
      assertTrue(c.getAutoCommit(), "still in auto-commit mode");
    }
  }

  /**
   * Python's DB-API and pools call commit() after each write and rollback() on return: neither
   * fails.
   */
  @Test
  void commitIsANoOpAndRollbackUndoesNothingButSaysSo() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + dir);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE committed (id BIGINT)");
      s.executeUpdate("INSERT INTO committed VALUES (1)");
      c.commit();
      assertNull(c.getWarnings());
      s.executeUpdate("INSERT INTO committed VALUES (2)");
      c.rollback();
      SQLWarning w = c.getWarnings();
      assertNotNull(w, "rollback() leaves a warning");
      assertTrue(w.getMessage().contains("nothing to roll back"), w.getMessage());
      c.clearWarnings();
      assertNull(c.getWarnings());
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM committed")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getLong(1), "both inserts were committed when they ran");
      }
      s.execute("DROP TABLE committed");
    }
  }

  @Test
  void savepointsFailWithAMessage() {
    for (Executable call :
        List.<Executable>of(
            conn::setSavepoint,
            () -> conn.setSavepoint("s"),
            () -> conn.rollback(null),
            () -> conn.releaseSavepoint(null))) {
      SQLException e = assertThrows(SQLFeatureNotSupportedException.class, call);
      assertEquals("0A000", e.getSQLState());
      assertTrue(e.getMessage().contains("savepoints"), e.getMessage());
    }
  }

  /**
   * Each level DatabaseMetaData says is supported can be set and is read back; the others are
   * refused.
   */
  @Test
  void isolationLevelsAgreeWithDatabaseMetaData() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + dir)) {
      DatabaseMetaData md = c.getMetaData();
      assertFalse(md.supportsTransactions(), "no transactions over several statements");
      assertEquals(md.getDefaultTransactionIsolation(), c.getTransactionIsolation());
      assertTrue(md.supportsTransactionIsolationLevel(md.getDefaultTransactionIsolation()));
      for (int level : LEVELS) {
        if (md.supportsTransactionIsolationLevel(level)) {
          c.setTransactionIsolation(level);
          assertEquals(level, c.getTransactionIsolation());
        } else {
          int before = c.getTransactionIsolation();
          SQLException e = assertThrows(SQLException.class, () -> c.setTransactionIsolation(level));
          assertEquals("0A000", e.getSQLState());
          assertTrue(e.getMessage().contains("own Delta commit"), e.getMessage());
          assertEquals(before, c.getTransactionIsolation());
        }
      }
      // sqlline asks for REPEATABLE READ on connect; it must not be told it is unsupported.
      assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ));
      assertFalse(md.supportsSavepoints());
      assertFalse(md.isReadOnly());
      assertFalse(c.isReadOnly());
    }
  }

  @Test
  void aReadOnlyConnectionReadsButDoesNotWrite() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + dir);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (id BIGINT)");
      c.setReadOnly(true);
      assertTrue(c.isReadOnly());
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getLong(1));
      }
      for (String write :
          List.of(
              "INSERT INTO kept VALUES (1)", "DROP TABLE kept", "CREATE TABLE other (id INT)")) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(write));
        assertEquals("25006", e.getSQLState());
        assertTrue(
            e.getMessage().contains("read-only") && e.getMessage().contains(write), e.getMessage());
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO kept VALUES (?)")) {
        ps.setLong(1, 1L);
        assertEquals("25006", assertThrows(SQLException.class, ps::executeUpdate).getSQLState());
      }
      c.setReadOnly(false);
      assertEquals(1, s.executeUpdate("INSERT INTO kept VALUES (1)"));
      s.execute("DROP TABLE kept");
    }
  }

  /**
   * Avatica and Calcite throw some exceptions without a message; the driver names the call instead.
   */
  @Test
  void noSqlExceptionComesWithoutAMessage() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM customers");
        PreparedStatement ps = conn.prepareStatement("SELECT id FROM customers WHERE id = ?")) {
      rs.next();
      Map<String, Executable> calls = new LinkedHashMap<>();
      calls.put("commit", conn::commit);
      calls.put("rollback", conn::rollback);
      calls.put("createBlob", conn::createBlob);
      calls.put("createClob", conn::createClob);
      calls.put("createNClob", conn::createNClob);
      calls.put("createSQLXML", conn::createSQLXML);
      calls.put("createStruct", () -> conn.createStruct("ROW", new Object[0]));
      calls.put("prepareCall", () -> conn.prepareCall("{call f()}"));
      calls.put("nativeSQL", () -> conn.nativeSQL("SELECT 1"));
      calls.put("getTypeMap", conn::getTypeMap);
      calls.put("setSavepoint", conn::setSavepoint);
      calls.put("setCursorName", () -> s.setCursorName("c"));
      calls.put("getMoreResults", () -> s.getMoreResults(Statement.KEEP_CURRENT_RESULT));
      calls.put(
          "executeUpdate(keys)",
          () -> s.executeUpdate("SELECT 1", Statement.RETURN_GENERATED_KEYS));
      calls.put("updateInt", () -> rs.updateInt(1, 1));
      calls.put("absolute", () -> rs.absolute(1));
      calls.put("previous", rs::previous);
      calls.put("getBlob", () -> rs.getBlob(1));
      calls.put("getObject(99)", () -> rs.getObject(99));
      calls.put("getColumnName(99)", () -> rs.getMetaData().getColumnName(99));
      calls.put("getParameterType(9)", () -> ps.getParameterMetaData().getParameterType(9));
      calls.put("setObject(9)", () -> ps.setObject(9, 1));
      List<String> bad = new ArrayList<>();
      for (Map.Entry<String, Executable> call : calls.entrySet()) {
        try {
          call.getValue().execute();
        } catch (SQLException e) {
          String m = e.getMessage();
          if (m == null
              || m.isBlank()
              || m.matches("[\\w.$]*(Exception|Error)")
              || e.getSQLState() == null) {
            bad.add(call.getKey() + ": " + e);
          }
        } catch (Throwable t) {
          bad.add(call.getKey() + " threw a non-SQLException: " + t);
        }
      }
      assertEquals(List.of(), bad);
      assertEquals(Map.of(), conn.getTypeMap(), "no user-defined types");
      SQLException e = assertThrows(SQLFeatureNotSupportedException.class, conn::createBlob);
      assertEquals("Connection.createBlob() is not supported by delta-jdbc.", e.getMessage());
      assertEquals("0A000", e.getSQLState());
      SQLException keys =
          assertThrows(
              SQLException.class,
              () ->
                  s.executeUpdate(
                      "INSERT INTO customers VALUES (77, 'k')", Statement.RETURN_GENERATED_KEYS));
      assertEquals(
          "Statement.executeUpdate(String, int) is not supported by delta-jdbc.",
          keys.getMessage());
    }
  }

  /** jOOQ's limit() binds a Long; JDBC code uses setLong, setObject and setBigDecimal alike. */
  @Test
  void limitAndOffsetParametersTakeAnyIntegralType() throws SQLException {
    String sql = "SELECT id FROM orders ORDER BY id LIMIT ? OFFSET ? ROWS";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setLong(1, 2L);
      ps.setLong(2, 3L);
      assertEquals(List.of(3L, 4L), ids(ps));
      ps.setObject(1, 3L);
      ps.setObject(2, (short) 1);
      assertEquals(List.of(1L, 2L, 3L), ids(ps));
      ps.setBigDecimal(1, new BigDecimal("1"));
      ps.setInt(2, 0);
      assertEquals(List.of(0L), ids(ps));
      ps.setObject(1, 2, java.sql.Types.BIGINT);
      ps.setByte(2, (byte) 10);
      assertEquals(List.of(10L, 11L), ids(ps));
      assertRefused("2201W", "LIMIT", () -> ps.setLong(1, -1L));
      assertRefused("2201W", "LIMIT", () -> ps.setInt(1, -5));
      assertRefused("2201X", "OFFSET", () -> ps.setObject(2, -2L));
      assertRefused("22003", "LIMIT", () -> ps.setLong(1, Long.MAX_VALUE));
      assertRefused("22023", "LIMIT", () -> ps.setBigDecimal(1, new BigDecimal("1.5")));
    }
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT id FROM orders ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      ps.setLong(1, 98L);
      ps.setLong(2, 5L);
      assertEquals(List.of(98L, 99L), ids(ps));
    }
  }

  @Test
  void propertyInfoListsTheDriversOwnProperties() throws SQLException {
    String url = "jdbc:delta:" + dir + ";spark.master=local[2]";
    Driver driver = DriverManager.getDriver(url);
    Map<String, DriverPropertyInfo> props = new LinkedHashMap<>();
    for (DriverPropertyInfo p : driver.getPropertyInfo(url, new Properties())) {
      props.put(p.name, p);
      assertNotNull(p.description, p.name);
      assertFalse(p.description.isBlank(), p.name);
    }
    assertEquals(
        List.of(
            "warehouse",
            "spark.master",
            "spark.executor.memory",
            "deltajdbc.partitionTimeZone",
            "deltajdbc.scan.threads",
            "deltajdbc.scan.splitBytes",
            "deltajdbc.scan.columnar",
            "deltajdbc.write.targetFileSize",
            "deltajdbc.checkpoint.partSize",
            "deltajdbc.storage.<scheme>.singleWriter",
            "fs.*",
            "hadoop.*"),
        List.copyOf(props.keySet()));
    assertEquals(dir.toString(), props.get("warehouse").value);
    assertTrue(props.get("warehouse").required);
    assertEquals("local[2]", props.get("spark.master").value, "the URL's value");
    assertTrue(props.get("spark.master").description.contains("Default: local[*]"));
    assertEquals("UTC", props.get("deltajdbc.partitionTimeZone").value);
    assertEquals(null, props.get("spark.executor.memory").value);
  }

  private static void assertRefused(String state, String clause, Executable bind) {
    SQLException e = assertThrows(SQLException.class, bind);
    assertEquals(state, e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("row count of " + clause), e.getMessage());
  }

  private static List<Long> ids(PreparedStatement ps) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}
