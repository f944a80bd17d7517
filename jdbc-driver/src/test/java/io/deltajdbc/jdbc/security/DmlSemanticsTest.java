package io.deltajdbc.jdbc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.testing.SparkOracle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, section 3: a DML statement's WHERE selects the rows the same WHERE selects in a SELECT,
 * and SET stores what the same expression yields in a SELECT, for each case where Spark's semantics
 * differ from the driver's (division, LIKE escapes, casts, errors, {@code ${...}} text); MERGE into
 * a column-mapped table; BETWEEN, CAST to VARCHAR and subqueries in DML.
 */
class DmlSemanticsTest {
  @TempDir Path dir;
  private Connection conn;
  private Statement st;

  @BeforeAll
  static void oracleFirst() {
    SparkOracle.spark();
  }

  @BeforeEach
  void table() throws SQLException {
    conn = DriverManager.getConnection("jdbc:delta:" + dir);
    st = conn.createStatement();
    st.executeUpdate("CREATE TABLE t (id INT, n INT, s STRING, m DECIMAL(10,2), d DOUBLE)");
    st.executeUpdate(
        "INSERT INTO t VALUES (1, 2, 'x_y', 1.50, 3.7), (2, 3, 'x\\_y', 2.25, -3.7), "
            + "(3, 0, 'xay', 0.00, 0.5), (4, NULL, '${env:HOME}', NULL, NULL), (5, 5, 'plain', 9.99, 2.5)");
    st.executeUpdate("CREATE TABLE other (k INT, label STRING)");
    st.executeUpdate("INSERT INTO other VALUES (1, 'one'), (3, 'three'), (5, 'five')");
  }

  private List<Integer> ids(String where) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT id FROM t WHERE " + where + " ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  private Object value(String expr, int id) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT " + expr + " FROM t WHERE id = " + id)) {
      rs.next();
      return rs.getObject(1);
    }
  }

  /** UPDATE ... WHERE c changes exactly the rows SELECT ... WHERE c returns. */
  private void sameRows(String where) throws SQLException {
    List<Integer> selected = ids(where);
    st.executeUpdate(
        "UPDATE t SET n = -100 WHERE id > 100"); // nothing: a baseline that commits nothing
    int changed = st.executeUpdate("UPDATE t SET s = s || '!' WHERE " + where);
    assertEquals(selected.size(), changed, where);
    assertEquals(selected, ids("s LIKE '%!'"), where);
  }

  @Test
  void integerDivisionSelectsWhatSelectSelects() throws SQLException {
    sameRows("n / 2 = 1");
  }

  @Test
  void likeWithBackslashSelectsWhatSelectSelects() throws SQLException {
    sameRows("s LIKE 'x\\_y'");
  }

  @Test
  void likeWithEscapeSelectsWhatSelectSelects() throws SQLException {
    sameRows("s LIKE 'x!_y' ESCAPE '!'");
  }

  @Test
  void betweenAndCastToVarchar() throws SQLException {
    sameRows("m BETWEEN 1 AND 3 AND CAST(id AS VARCHAR(10)) <> '2'");
  }

  @Test
  void castStoresWhatSelectShows() throws SQLException {
    Object expected = value("CAST(d AS INT)", 1);
    st.executeUpdate("UPDATE t SET n = CAST(d AS INT) WHERE id = 1");
    assertEquals(expected, value("n", 1));
    Object negative = value("CAST(d AS INT)", 2);
    st.executeUpdate("UPDATE t SET n = CAST(d AS INT) WHERE id = 2");
    assertEquals(negative, value("n", 2));
  }

  @Test
  void divisionByZeroFailsAsInSelectAndChangesNothing() throws SQLException {
    SQLException select = assertThrows(SQLException.class, () -> ids("10 / n > 1"));
    long before = version();
    SQLException update =
        assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE t SET n = 10 / n"));
    assertNotNull(update.getSQLState(), update.getMessage());
    assertTrue(
        update.getMessage().contains("default.t") || update.getMessage().contains("t"),
        update.getMessage());
    assertNotNull(select.getMessage());
    assertEquals(before, version());
    assertEquals(List.of(1, 2, 3, 4, 5), ids("TRUE"));
  }

  @Test
  void badCastFailsAndChangesNothing() throws SQLException {
    long before = version();
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> st.executeUpdate("UPDATE t SET n = CAST(s AS INT) WHERE id = 1"));
    assertNotNull(e.getSQLState(), e.getMessage());
    assertEquals(before, version());
  }

  @Test
  void dollarBracesAreText() throws SQLException {
    st.executeUpdate("UPDATE t SET s = '${env:HOME}' WHERE id = 5");
    assertEquals("${env:HOME}", value("s", 5));
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM t WHERE s = ?")) {
      ps.setString(1, "${env:HOME}");
      assertEquals(2, ps.executeUpdate());
    }
    assertEquals(List.of(1, 2, 3), ids("TRUE"));
  }

  @Test
  void subqueriesInSetAndWhere() throws SQLException {
    assertEquals(
        3,
        st.executeUpdate(
            "UPDATE t SET s = (SELECT max(label) FROM other) "
                + "WHERE id IN (SELECT k FROM other)"));
    assertEquals(List.of(1, 3, 5), ids("s = 'three'"));
    assertEquals(
        2, st.executeUpdate("DELETE FROM t WHERE id NOT IN (SELECT k FROM other) AND id < 5"));
    assertEquals(List.of(1, 3, 5), ids("TRUE"));
    SQLException correlated =
        assertThrows(
            SQLException.class,
            () -> st.executeUpdate("UPDATE t SET s = (SELECT label FROM other WHERE k = t.id)"));
    assertEquals("0A000", correlated.getSQLState(), correlated.getMessage());
  }

  @Test
  void parametersBindAsInSelect() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("UPDATE t SET m = ? WHERE id = ? OR s = ?")) {
      ps.setBigDecimal(1, new java.math.BigDecimal("7.25"));
      ps.setInt(2, 3);
      ps.setString(3, "plain");
      assertEquals(2, ps.executeUpdate());
    }
    assertEquals(List.of(3, 5), ids("m = 7.25"));
  }

  @Test
  void mergeIntoColumnMappedTable() throws SQLException {
    st.executeUpdate(
        "CREATE TABLE cm (id INT, v STRING) TBLPROPERTIES ('delta.columnMapping.mode' = 'name')");
    st.executeUpdate("INSERT INTO cm VALUES (1, 'a'), (2, 'b')");
    int n =
        st.executeUpdate(
            "MERGE INTO cm AS t USING (VALUES (2, 'B'), (3, 'C')) AS s(id, v) ON t.id = s.id "
                + "WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)");
    assertEquals(2, n);
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT id, v FROM cm ORDER BY id")) {
      while (rs.next()) {
        rows.add(rs.getInt(1) + "=" + rs.getString(2));
      }
    }
    assertEquals(List.of("1=a", "2=B", "3=C"), rows);
    // delta-spark reads what we wrote
    assertEquals(
        3, SparkOracle.spark().sql("SELECT * FROM delta.`" + dir.resolve("cm") + "`").count());
  }

  @Test
  void mergeConditionsMeanWhatSelectMeans() throws SQLException {
    int n =
        st.executeUpdate(
            "MERGE INTO t USING other AS o ON t.id = o.k AND t.n / 2 = 1 "
                + "WHEN MATCHED AND o.label LIKE 'o%' THEN UPDATE SET s = o.label");
    assertEquals(1, n);
    assertEquals(List.of(1), ids("s = 'one'"));
  }

  private long version() throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
      rs.next();
    }
    return io.deltajdbc.engine.DeltaTable.forPath(dir.resolve("t").toString())
        .latestSnapshot()
        .version();
  }
}
