package io.deltajdbc.calcite.rel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.calcite.AdapterConnections;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner knows how large each table is (the log's row counts, after pruning) and turns an
 * equality every OR branch shares into a hash-join key, and sizes joins by the distinct values of
 * their keys: a fact table of 20,000 rows in 4 commits, a dimension of 200 and one of 5.
 */
class JoinPlanningTest {
  static final StructType FACT =
      StructType.of(
          new StructField("f_key", PrimitiveType.LONG, false),
          new StructField("f_dim", PrimitiveType.LONG, false),
          new StructField("f_qty", PrimitiveType.INTEGER, false),
          new StructField("f_mode", PrimitiveType.STRING, false));
  static final StructType DIM =
      StructType.of(
          new StructField("d_key", PrimitiveType.LONG, false),
          new StructField("d_brand", PrimitiveType.STRING, false),
          new StructField("d_size", PrimitiveType.INTEGER, false));
  @TempDir static Path dir;
  static Connection conn;

  @BeforeAll
  static void tables() throws SQLException {
    DeltaTable fact =
        DeltaTable.create(
            dir.resolve("fact").toString(),
            DeltaTable.defaultConfiguration(),
            TableSpec.of(FACT, "f_mode"));
    for (int commit = 0; commit < 4; commit++) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 5_000; i++) {
        long key = commit * 5_000L + i;
        rows.add(Row.of(key, key % 200, (int) (key % 50), key % 2 == 0 ? "AIR" : "RAIL"));
      }
      Transaction t = fact.startTransaction();
      t.write(rows.iterator());
      t.commit(Operation.append());
    }
    write("dim", 200);
    write("tiny", 5);
    conn = AdapterConnections.open(dir);
  }

  private static void write(String name, int n) {
    DeltaTable dim =
        DeltaTable.create(
            dir.resolve(name).toString(), DeltaTable.defaultConfiguration(), TableSpec.of(DIM));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(Row.of((long) i, "Brand#" + (i % 5), i % 20));
    }
    Transaction t = dim.startTransaction();
    t.write(rows.iterator());
    t.commit(Operation.append());
  }

  @AfterAll
  static void close() throws SQLException {
    conn.close();
  }

  @Test
  void scansEstimateTheRowsTheLogCounts() throws SQLException {
    assertEquals(20_000, scanRows("SELECT * FROM fact"), 0.5);
    assertEquals(200, scanRows("SELECT * FROM dim"), 0.5);
    // pruned to one partition: half the rows
    assertEquals(10_000, scanRows("SELECT * FROM fact WHERE f_mode = 'AIR'"), 0.5 * 10_000);
  }

  /**
   * A join's size follows from the distinct values of its keys (the span of their statistics): the
   * fact table's foreign key meets one dimension row each, a 20-valued column of the dimension
   * meets itself 2,000 times. Calcite's default, 15% of the product, said 600,000 and 6,000.
   */
  @Test
  void joinsAreSizedByTheDistinctValuesOfTheirKeys() throws SQLException {
    String keyJoin = "SELECT f_qty, d_size FROM fact JOIN dim ON d_key = f_dim";
    assertEquals(20_000, single("SELECT count(*) FROM (" + keyJoin + ")"));
    assertEquals(20_000, rows(keyJoin, "Join"), 0.1 * 20_000);
    String sizeJoin = "SELECT a.d_key, b.d_key FROM dim a JOIN dim b ON a.d_size = b.d_size";
    assertEquals(2_000, single("SELECT count(*) FROM (" + sizeJoin + ")"));
    assertEquals(2_000, rows(sizeJoin, "Join"), 0.1 * 2_000);
  }

  @Test
  void orBranchesSharingAnEqualityJoinOnItsKeys() throws SQLException {
    String q19 =
        "SELECT sum(f_qty) FROM fact, dim WHERE (d_key = f_dim AND d_brand = 'Brand#1' AND f_qty < 10) "
            + "OR (d_key = f_dim AND d_brand = 'Brand#2' AND f_qty BETWEEN 10 AND 20 AND d_size < 10) "
            + "OR (d_key = f_dim AND d_brand = 'Brand#3' AND f_mode = 'AIR')";
    String plan = plan(q19);
    assertTrue(plan.contains("EnumerableHashJoin"), plan);
    assertFalse(plan.contains("NestedLoopJoin"), plan);
    long expected = 0;
    for (long key = 0; key < 20_000; key++) {
      long d = key % 200;
      int qty = (int) (key % 50);
      String brand = "Brand#" + (d % 5);
      int size = (int) (d % 20);
      boolean air = key % 2 == 0;
      if (brand.equals("Brand#1") && qty < 10
          || brand.equals("Brand#2") && qty >= 10 && qty <= 20 && size < 10
          || brand.equals("Brand#3") && air) {
        expected += qty;
      }
    }
    assertEquals(expected, single(q19));
  }

  /** A hash join keeps its right input in memory: the dimensions, not the fact table, are built. */
  @Test
  void theSmallTableIsTheBuildSide() throws SQLException {
    String q =
        "SELECT d.d_brand, t.d_brand, count(*) FROM fact JOIN dim d ON d.d_key = f_dim "
            + "JOIN tiny t ON t.d_key = f_qty GROUP BY d.d_brand, t.d_brand";
    String plan = plan(q);
    for (String line : plan.split("\n")) {
      if (line.contains("EnumerableHashJoin")) {
        int depth = indent(line);
        List<String> inputs = inputsOf(plan, line, depth);
        assertEquals(2, inputs.size(), plan);
        assertFalse(
            inputs.get(1).contains("table=[[default, fact]]"), "fact is the build side:\n" + plan);
      }
    }
    // f_qty in 0..4 meets tiny; then f_key % 5 = f_qty, so the two brands agree: 5 groups
    assertEquals(5L, single("SELECT count(*) FROM (" + q + ")"));
  }

  private static long single(String sql) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String plan(String sql) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
    }
    return sb.toString();
  }

  /** The row count Calcite's metadata gives the plan's Delta scan. */
  private static double scanRows(String sql) throws SQLException {
    return rows(sql, "DeltaTableScan");
  }

  /**
   * The row count Calcite's metadata gives the plan's first node whose name contains {@code node}.
   */
  private static double rows(String sql, String node) throws SQLException {
    String plan;
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN PLAN INCLUDING ALL ATTRIBUTES FOR " + sql)) {
      StringBuilder sb = new StringBuilder();
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
      plan = sb.toString();
    }
    for (String line : plan.split("\n")) {
      if (line.trim().split("\\(")[0].contains(node)) {
        Matcher m = Pattern.compile("rowcount = ([0-9.E]+)").matcher(line);
        assertTrue(m.find(), plan);
        return Double.parseDouble(m.group(1));
      }
    }
    throw new AssertionError("no " + node + " in\n" + plan);
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The lines of the direct inputs of the node on {@code line}, each with its subtree. */
  private static List<String> inputsOf(String plan, String line, int depth) {
    String[] lines = plan.split("\n");
    List<String> inputs = new ArrayList<>();
    boolean inside = false;
    for (String l : lines) {
      if (l.equals(line)) {
        inside = true;
        continue;
      }
      if (!inside) {
        continue;
      }
      int d = indent(l);
      if (d <= depth) {
        break;
      }
      if (d == depth + 2) {
        inputs.add(l);
      } else {
        inputs.set(inputs.size() - 1, inputs.get(inputs.size() - 1) + "\n" + l);
      }
    }
    return inputs;
  }
}
