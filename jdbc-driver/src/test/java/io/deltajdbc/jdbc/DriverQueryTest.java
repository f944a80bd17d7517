package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries through plain JDBC: pushdown visible in EXPLAIN, time travel in every form, errors with
 * SQLStates.
 */
class DriverQueryTest {
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

  static List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  static long single(String sql) throws SQLException {
    return ((Number) rows(sql).get(0).get(0)).longValue();
  }

  static String plan(String sql) throws SQLException {
    StringBuilder sb = new StringBuilder();
    for (List<Object> r : rows("EXPLAIN PLAN FOR " + sql)) {
      sb.append(r.get(0)).append('\n');
    }
    return sb.toString();
  }

  @Test
  void unqualifiedQualifiedAndCaseInsensitiveNames() throws SQLException {
    assertEquals(100, single("SELECT count(*) FROM orders"));
    assertEquals(100, single("SELECT COUNT(*) FROM ORDERS"));
    assertEquals(100, single("select count(*) from \"default\".orders"));
    assertEquals(3, single("SELECT count(*) FROM sales.refunds"));
    assertEquals("customer 3", rows("SELECT name FROM customers WHERE ID = 3").get(0).get(0));
  }

  @Test
  void countFromTheLogOpensNoDataFile() throws SQLException {
    String p = plan("SELECT count(*) FROM orders");
    assertTrue(p.contains("countFromLog=[true]"), p);
    String pruned = plan("SELECT count(*) FROM orders WHERE region = 'north'");
    assertTrue(
        pruned.contains("countFromLog=[true]")
            && pruned.contains("files=[4 of 20 (16 pruned by partition"),
        pruned);
    assertEquals(20, single("SELECT count(*) FROM orders WHERE region = 'north'"));
  }

  @Test
  void filtersAndProjectionsArePushedAndFilesSkipped() throws SQLException {
    String p = plan("SELECT id, amount FROM orders WHERE id = 42");
    assertTrue(p.contains("columns=[[id, amount]]") && p.contains("filter=[=($0, 42)]"), p);
    assertTrue(p.contains("files=[5 of 20 (0 pruned by partition, 15 skipped by statistics)]"), p);
    List<List<Object>> r = rows("SELECT id, amount FROM orders WHERE id = 42");
    assertEquals(1, r.size());
    assertEquals(new java.math.BigDecimal("63.00"), r.get(0).get(1));
    assertEquals(
        List.of(List.of(97L), List.of(98L), List.of(99L)),
        rows(
            "SELECT id FROM orders WHERE id >= 97 AND region IN ('north', 'south', 'east', 'west', 'central') ORDER BY id"));
    assertEquals(5, rows("SELECT * FROM orders LIMIT 5").size());
  }

  @Test
  void everyTimeTravelForm() throws SQLException {
    assertEquals(0, single("SELECT count(*) FROM orders@v0"));
    assertEquals(25, single("SELECT count(*) FROM orders@v1"));
    assertEquals(50, single("SELECT count(*) FROM orders@2"));
    assertEquals(50, single("SELECT count(*) FROM \"orders@v2\""));
    assertEquals(75, single("SELECT count(*) FROM `orders@v3`"));
    assertEquals(75, single("SELECT count(*) FROM orders VERSION AS OF 3"));
    long v1 =
        io.deltajdbc.engine.DeltaTable.forPath(dir.resolve("orders").toString())
            .snapshotAtVersion(1)
            .timestamp();
    java.time.LocalDateTime t =
        java.time.LocalDateTime.ofInstant(
            java.time.Instant.ofEpochMilli(v1), java.time.ZoneOffset.UTC);
    assertEquals(
        25,
        single(
            "SELECT count(*) FROM orders TIMESTAMP AS OF '"
                + t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"))
                + "'"));
    assertEquals(
        25,
        single(
            "SELECT count(*) FROM orders@"
                + t.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"))));
    SQLException future =
        assertThrows(
            SQLException.class,
            () -> rows("SELECT count(*) FROM orders TIMESTAMP AS OF '2999-01-01 00:00:00'"));
    assertEquals("22023", future.getSQLState(), future.getMessage());
    assertEquals(25, single("SELECT count(*) FROM orders@v4 a JOIN orders@v1 b ON a.id = b.id"));
  }

  @Test
  void joinsAndAggregatesAcrossTables() throws SQLException {
    List<List<Object>> r =
        rows(
            "SELECT c.name, count(*), sum(o.amount) FROM orders o JOIN customers c "
                + "ON o.customer = c.id GROUP BY c.name ORDER BY c.name");
    assertEquals(10, r.size());
    assertEquals("customer 0", r.get(0).get(0));
    assertEquals(10L, ((Number) r.get(0).get(1)).longValue());
  }

  @Test
  void preparedStatementsSeeNewCommits() throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT count(*) FROM orders WHERE region = ?")) {
      ps.setString(1, "west");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(20, rs.getLong(1));
      }
    }
  }

  @Test
  void errorsCarrySqlStates() {
    SQLException noTable = assertThrows(SQLException.class, () -> rows("SELECT * FROM nope"));
    assertEquals("42S02", noTable.getSQLState(), noTable.getMessage());
    SQLException noColumn = assertThrows(SQLException.class, () -> rows("SELECT nope FROM orders"));
    assertEquals("42S22", noColumn.getSQLState(), noColumn.getMessage());
    SQLException version = assertThrows(SQLException.class, () -> rows("SELECT * FROM orders@v99"));
    assertEquals("22023", version.getSQLState(), version.getMessage());
    assertTrue(
        version.getMessage().contains("orders") && version.getMessage().contains("99"),
        version.getMessage());
    SQLException syntax =
        assertThrows(SQLException.class, () -> rows("SELECT * FROM orders WHERE"));
    assertEquals("42000", syntax.getSQLState(), syntax.getMessage());
    assertTrue(syntax.getMessage().contains("line 1, column"), syntax.getMessage());
  }
}
