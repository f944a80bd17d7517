package io.deltajdbc.calcite.rel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.calcite.AdapterConnections;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.ErrorCode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UPDATE and DELETE are planned as queries are, once, into the adapter's own node: Calcite's {@code
 * TableModify} becomes a {@code DeltaRowModify} holding the validated condition and values, whose
 * only inputs are the statement's uncorrelated sub-queries, planned as queries of their own (not
 * joined with the target, whose rows the DML executor reads).
 */
class RowModifyPlanningTest {
  @TempDir static Path dir;
  static Connection conn;

  @BeforeAll
  static void tables() throws SQLException {
    conn = AdapterConnections.open(dir);
    try (Statement s = conn.createStatement()) {
      s.execute("CREATE TABLE t (id INT, s STRING, region STRING) PARTITIONED BY (region)");
      s.executeUpdate("INSERT INTO t VALUES (1, 'a', 'north'), (2, 'b', 'south')");
      s.execute("CREATE TABLE u (k INT, label STRING)");
      s.executeUpdate("INSERT INTO u VALUES (1, 'one')");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    conn.close();
  }

  private static String plan(String sql) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  @Test
  void updateWithSubqueriesIsOneNodeOverThem() throws SQLException {
    String plan =
        plan(
            "UPDATE t SET s = (SELECT max(label) FROM u) "
                + "WHERE id IN (SELECT k FROM u) AND region = 'north'");
    assertTrue(plan.startsWith("DeltaRowModify(table=[default.t], operation=[UPDATE]"), plan);
    assertTrue(plan.contains("columns=[[s]]"), plan);
    assertEquals(
        2, plan.split("DeltaTableScan\\(table=\\[\\[default, u\\]\\]", -1).length - 1, plan);
    assertFalse(plan.contains("[default, t]"), "the target is not scanned by Calcite: " + plan);
    assertFalse(plan.contains("Join"), "a sub-query is not joined with the target: " + plan);
  }

  @Test
  void deleteIsOneNodeWithItsCondition() throws SQLException {
    String plan = plan("DELETE FROM t WHERE id = ? AND region = 'south'");
    assertTrue(plan.startsWith("DeltaRowModify(table=[default.t], operation=[DELETE]"), plan);
    assertTrue(plan.contains("condition=[AND(=($0, ?0), =($2, 'south'))]"), plan);
    assertFalse(plan.contains("TableScan"), plan);
  }

  @Test
  void aCorrelatedSubqueryIsRefusedWhenPrepared() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> conn.prepareStatement("UPDATE t SET s = (SELECT label FROM u WHERE k = t.id)"));
    DeltaException cause = deltaCause(e);
    assertEquals(ErrorCode.UNSUPPORTED_SQL, cause.code(), cause.getMessage());
    assertTrue(cause.getMessage().contains("default.t"), cause.getMessage());
  }

  private static DeltaException deltaCause(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof DeltaException d) {
        return d;
      }
    }
    throw new AssertionError("no DeltaException in " + e, e);
  }
}
