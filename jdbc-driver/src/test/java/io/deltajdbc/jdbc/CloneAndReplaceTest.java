package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.testing.SparkOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CREATE TABLE t SHALLOW CLONE s [VERSION AS OF n]} and {@code CREATE OR REPLACE TABLE}
 * through JDBC, each compared with delta-spark's SQL for the same statement on a copy of the same
 * table: the result set, the rows at every version, the history (operation, parameters, metric
 * names), and that delta-spark reads what we wrote and we read what it wrote.
 */
class CloneAndReplaceTest {
  @TempDir Path dir;

  @BeforeAll
  static void oracleFirst() {
    SparkOracle.spark();
  }

  private Connection connect(String properties) throws SQLException {
    return DriverManager.getConnection("jdbc:delta:" + dir + properties);
  }

  private String delta(String table) {
    return "delta.`" + dir.resolve(table) + "`";
  }

  private static SparkSession spark() {
    return SparkOracle.spark();
  }

  /**
   * A partitioned table of four versions, and one with deletion vectors whose DELETE (by
   * delta-spark) left a deletion vector; both copied for delta-spark.
   */
  private void sources(Statement s) throws Exception {
    s.execute("CREATE TABLE orders (id BIGINT, region STRING) PARTITIONED BY (region)");
    s.executeUpdate("INSERT INTO orders VALUES (1, 'north'), (2, 'south')");
    s.executeUpdate("INSERT INTO orders VALUES (3, 'north'), (4, 'east')");
    s.executeUpdate("DELETE FROM orders WHERE region = 'east'");
    s.execute(
        "CREATE TABLE events (id BIGINT, kind STRING) "
            + "TBLPROPERTIES ('delta.enableDeletionVectors' = 'true', 'owner' = 'ops')");
    s.executeUpdate("INSERT INTO events VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
    spark().sql("DELETE FROM " + delta("events") + " WHERE id = 2");
    assertTrue(log("events").contains("\"storageType\":\"u\""), "a deletion vector to clone");
    Warehouse.copyTable(dir, "orders", "orders_spark");
    Warehouse.copyTable(dir, "events", "events_spark");
  }

  @Test
  void shallowCloneIsDeltaSparks() throws Exception {
    try (Connection c = connect(";deltajdbc.vacuum.retentionDurationCheck.enabled=false");
        Statement s = c.createStatement()) {
      sources(s);
      Set<String> sourceFiles = files("orders");
      Set<String> eventFiles = files("events");
      for (String[] clone :
          List.of(
              new String[] {"latest", "orders", ""},
              new String[] {"v1", "orders", " VERSION AS OF 1"},
              new String[] {"dv", "events", ""})) {
        String ours = "c_" + clone[0];
        String theirs = ours + "_spark";
        List<String> result =
            rows(s, "CREATE TABLE " + ours + " SHALLOW CLONE " + clone[1] + clone[2]);
        List<String> sparkResult =
            sparkRows(
                "CREATE TABLE "
                    + delta(theirs)
                    + " SHALLOW CLONE "
                    + delta(clone[1] + "_spark")
                    + clone[2]);
        assertEquals(sparkResult, result, "delta-spark's result columns, " + ours);
        assertEquals(
            sparkColumns(
                "CREATE TABLE " + delta(theirs + "2") + " SHALLOW CLONE " + delta(clone[1])),
            columns(s, "CREATE TABLE " + ours + "2 SHALLOW CLONE " + clone[1]));
        // delta-spark reads our clone, we read delta-spark's; both hold the source version's rows
        List<String> expected = sparkSorted("SELECT * FROM " + delta(theirs));
        assertEquals(
            sparkSorted("SELECT * FROM " + delta(clone[1]) + clone[2]),
            expected,
            "the source rows");
        assertEquals(expected, sparkSorted("SELECT * FROM " + delta(ours)), ours);
        assertEquals(expected, sorted(rows(s, "SELECT * FROM " + theirs)), theirs);
        assertEquals(expected, sorted(rows(s, "SELECT * FROM " + ours)), ours);
        assertEquals(history(theirs, true), history(ours, true), "the CLONE commit of " + ours);
        assertEquals(detail(theirs), detail(ours), "schema, partitioning, properties, protocol");
        assertTrue(log(ours).contains("\"path\":\"file:"), "adds name the source's files");
      }
      assertTrue(log("c_dv").contains("\"storageType\":\"p\""), "the deletion vector, absolute");

      // the clone is a table of its own: writes go to its directory, the source is unchanged
      s.executeUpdate("INSERT INTO c_latest VALUES (9, 'west')");
      s.executeUpdate("DELETE FROM c_latest WHERE region = 'north'");
      spark().sql("INSERT INTO " + delta("c_latest_spark") + " VALUES (9, 'west')");
      spark().sql("DELETE FROM " + delta("c_latest_spark") + " WHERE region = 'north'");
      assertEquals(
          sparkSorted("SELECT * FROM " + delta("c_latest_spark")),
          sparkSorted("SELECT * FROM " + delta("c_latest")));
      assertEquals(
          sparkSorted("SELECT * FROM " + delta("orders_spark")),
          sparkSorted("SELECT * FROM " + delta("orders")));
      s.executeUpdate("DELETE FROM c_dv WHERE id = 3");
      assertEquals(List.of("1|a", "4|d"), sorted(rows(s, "SELECT * FROM c_dv")));
      assertEquals(List.of("1|a", "3|c", "4|d"), sorted(rows(s, "SELECT * FROM events")));

      // VACUUM and DROP TABLE of a clone leave the source's files
      rows(s, "VACUUM c_latest RETAIN 0 HOURS");
      rows(s, "VACUUM c_dv RETAIN 0 HOURS");
      s.execute("DROP TABLE c_v1");
      assertEquals(sourceFiles, files("orders"), "VACUUM and DROP of clones keep the source");
      assertEquals(eventFiles, files("events"));
      assertEquals(
          sparkSorted("SELECT * FROM " + delta("c_latest_spark")),
          sorted(rows(s, "SELECT * FROM c_latest")));
      assertEquals(
          sparkSorted("SELECT * FROM " + delta("orders_spark") + " VERSION AS OF 1"),
          sorted(rows(s, "SELECT * FROM orders VERSION AS OF 1")));
    }
  }

  @Test
  void badClonesAreRefusedAndWriteNothing() throws Exception {
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      sources(s);
      SQLException missing =
          assertThrows(
              SQLException.class, () -> s.executeQuery("CREATE TABLE c SHALLOW CLONE nothing"));
      assertEquals("42S02", missing.getSQLState(), missing.getMessage());
      assertTrue(missing.getMessage().contains("nothing"), missing.getMessage());

      SQLException future =
          assertThrows(
              SQLException.class,
              () -> s.executeQuery("CREATE TABLE c SHALLOW CLONE orders VERSION AS OF 99"));
      assertEquals("22023", future.getSQLState(), future.getMessage());
      assertTrue(future.getMessage().contains("99"), future.getMessage());
      assertTrue(future.getMessage().contains("orders"), future.getMessage());
      assertFalse(Files.exists(dir.resolve("c/_delta_log")), "nothing was written");

      rows(s, "CREATE TABLE c SHALLOW CLONE orders VERSION AS OF 1");
      List<String> history = Warehouse.operations(dir.resolve("c"));
      SQLException exists =
          assertThrows(
              SQLException.class, () -> s.executeQuery("CREATE TABLE c SHALLOW CLONE orders"));
      assertEquals("42S01", exists.getSQLState(), exists.getMessage());
      assertTrue(exists.getMessage().contains(".c "), exists.getMessage());
      assertEquals(List.of(), rows(s, "CREATE TABLE IF NOT EXISTS c SHALLOW CLONE orders"));
      // delta-spark replaces only an empty table by a clone
      SQLException replace =
          assertThrows(
              SQLException.class,
              () -> s.executeQuery("CREATE OR REPLACE TABLE c SHALLOW CLONE orders"));
      assertTrue(replace.getMessage().contains("empty"), replace.getMessage());
      assertEquals(history, Warehouse.operations(dir.resolve("c")), "nothing was committed");
      assertEquals(
          sparkSorted("SELECT * FROM " + delta("orders") + " VERSION AS OF 1"),
          sorted(rows(s, "SELECT * FROM c")));
    }
  }

  /**
   * delta-spark replaces a table of its catalog; a path-based {@code delta.`path`} that exists is
   * only verified (its CREATE OR REPLACE of a table missing from the catalog is "create or
   * verify"). So delta-spark's copy is registered as an external table of its catalog and replaced
   * under that name, with its LOCATION, which our driver takes from the warehouse instead.
   */
  @Test
  void createOrReplaceIsDeltaSparks() throws Exception {
    // %1$s the table, %2$s the query's source, %3$s PARTITIONED BY, %4$s delta-spark's LOCATION
    String columns =
        "CREATE OR REPLACE TABLE %1$s (id BIGINT, name STRING, kind STRING) USING DELTA"
            + " COMMENT 'replaced' TBLPROPERTIES ('team' = 'ops') %3$s %4$s";
    String asSelect =
        "CREATE OR REPLACE TABLE %1$s USING DELTA %3$s %4$s"
            + " AS SELECT id * 10 AS id, kind FROM %2$s WHERE id > 1";
    List<String> registered = new ArrayList<>();
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE src (id BIGINT, kind STRING)");
      s.executeUpdate("INSERT INTO src VALUES (1, 'a'), (2, 'b'), (3, 'a')");
      int n = 0;
      for (String partitioned : List.of("", "PARTITIONED BY (kind)")) {
        for (String template : List.of(columns, asSelect)) {
          String t = "t" + n++;
          s.execute(
              "CREATE TABLE "
                  + t
                  + " (id BIGINT, region STRING) PARTITIONED BY (region)"
                  + " TBLPROPERTIES ('delta.appendOnly' = 'false', 'team' = 'sales')");
          s.executeUpdate("INSERT INTO " + t + " VALUES (1, 'north'), (2, 'south')");
          Warehouse.copyTable(dir, t, t + "_spark");
          String catalogName = "replaced_" + t + "_" + Math.abs(dir.hashCode());
          String location = "LOCATION '" + dir.resolve(t + "_spark") + "'";
          spark().sql("CREATE TABLE " + catalogName + " USING DELTA " + location);
          registered.add(catalogName);
          String before = detailId(t);
          String ours = String.format(template, t, "src", partitioned, "");
          assertEquals(
              template == asSelect ? 2 : 0, s.executeUpdate(ours), "the update count of " + ours);
          spark().sql(String.format(template, catalogName, delta("src"), partitioned, location));
          compareVersions(s, t, ours);
          assertEquals(before.equals(detailId(t + "_spark")), before.equals(detailId(t)), "id");
          assertEquals(detail(t + "_spark"), detail(t), ours);
        }
      }
      // a missing table is created, recorded as CREATE OR REPLACE TABLE
      s.executeUpdate(String.format(columns, "fresh", "", "", ""));
      spark().sql(String.format(columns, delta("fresh_spark"), "", "", ""));
      assertEquals(history("fresh_spark", false), history("fresh", false));
      s.executeUpdate(String.format(asSelect, "fresh_ctas", "src", "", ""));
      spark().sql(String.format(asSelect, delta("fresh_ctas_spark"), delta("src"), "", ""));
      assertEquals(history("fresh_ctas_spark", false), history("fresh_ctas", false));
      assertEquals(
          sparkSorted("SELECT * FROM " + delta("fresh_ctas_spark")),
          sorted(rows(s, "SELECT * FROM fresh_ctas")));
      SQLException both =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("CREATE OR REPLACE TABLE IF NOT EXISTS src (id INT)"));
      assertTrue(both.getMessage().contains("src"), both.getMessage());
    } finally {
      registered.forEach(name -> spark().sql("DROP TABLE IF EXISTS " + name));
    }
  }

  /** The rows at every version, read by both sides, and the history of both copies. */
  private void compareVersions(Statement s, String t, String sql) throws SQLException {
    List<String> versions = Warehouse.operations(dir.resolve(t));
    assertEquals(Warehouse.operations(dir.resolve(t + "_spark")), versions, sql);
    for (int v = 0; v < versions.size(); v++) {
      String at = " VERSION AS OF " + v;
      List<String> theirs = sparkSorted("SELECT * FROM " + delta(t + "_spark") + at);
      assertEquals(theirs, sparkSorted("SELECT * FROM " + delta(t) + at), sql + at);
      assertEquals(theirs, sorted(rows(s, "SELECT * FROM " + t + at)), sql + at);
    }
    assertEquals(
        spark().read().format("delta").load(dir.resolve(t + "_spark").toString()).schema(),
        spark().read().format("delta").load(dir.resolve(t).toString()).schema(),
        sql);
    assertEquals(history(t + "_spark", false), history(t, false), sql);
  }

  // ---- helpers

  /**
   * The latest commit as DESCRIBE HISTORY shows it: operation, parameters (for CLONE the names and
   * the source version: the source is named differently), read version, isolation level, blind
   * append, and metric names.
   */
  private String history(String table, boolean clone) {
    Row r = spark().sql("DESCRIBE HISTORY " + delta(table) + " LIMIT 1").first();
    Map<String, String> params = new TreeMap<>(r.getJavaMap(r.fieldIndex("operationParameters")));
    Object shownParams =
        clone ? params.keySet() + " sourceVersion=" + params.get("sourceVersion") : params;
    Map<String, String> metrics = new TreeMap<>(r.getJavaMap(r.fieldIndex("operationMetrics")));
    Object shownMetrics = clone ? metrics : metrics.keySet();
    return String.join(
        "|",
        r.getAs("operation").toString(),
        String.valueOf(shownParams),
        String.valueOf(r.<Object>getAs("readVersion")),
        String.valueOf(r.<Object>getAs("isolationLevel")),
        String.valueOf(r.<Object>getAs("isBlindAppend")),
        String.valueOf(shownMetrics));
  }

  /** DESCRIBE DETAIL without what differs between two tables (name, id, location, times). */
  private String detail(String table) {
    Row r = spark().sql("DESCRIBE DETAIL " + delta(table)).first();
    List<String> out = new ArrayList<>();
    for (String field :
        List.of(
            "description",
            "partitionColumns",
            "properties",
            "minReaderVersion",
            "minWriterVersion",
            "tableFeatures")) {
      Object v = r.get(r.fieldIndex(field));
      if (v instanceof scala.collection.Map<?, ?>) {
        v = new TreeMap<>(r.getJavaMap(r.fieldIndex(field)));
      } else if (v instanceof scala.collection.Seq<?>) {
        v = r.getList(r.fieldIndex(field));
      }
      out.add(field + "=" + v);
    }
    return String.join("|", out);
  }

  private String detailId(String table) {
    return spark().sql("DESCRIBE DETAIL " + delta(table)).first().getAs("id");
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

  private static List<String> sparkColumns(String sql) {
    return List.of(spark().sql(sql).columns());
  }

  /** Each row as its values joined by {@code |}. */
  private static List<String> rows(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          values.add(String.valueOf(rs.getObject(i)));
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }

  private static List<String> sparkRows(String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : spark().sql(sql).collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        values.add(String.valueOf(r.get(i)));
      }
      out.add(String.join("|", values));
    }
    return out;
  }

  private static List<String> sparkSorted(String sql) {
    return sorted(sparkRows(sql));
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }

  private String log(String table) throws IOException {
    try (Stream<Path> commits = Files.list(dir.resolve(table).resolve("_delta_log"))) {
      StringBuilder sb = new StringBuilder();
      for (Path p : commits.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        sb.append(Files.readString(p));
      }
      return sb.toString();
    }
  }

  private Set<String> files(String table) throws IOException {
    Path root = dir.resolve(table);
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .filter(p -> !p.endsWith(".crc"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
