package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
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
 * Delta's table utilities through JDBC, each compared with delta-spark's SQL for the same statement
 * on a copy of the same table: what a user sees in the result set, the rows and files afterwards,
 * and the history.
 */
class UtilityStatementsTest {
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

  /** A partitioned table of three commits and a DELETE that removes a file. */
  private void orders(Statement s) throws SQLException {
    s.execute("CREATE TABLE orders (id BIGINT, region STRING) PARTITIONED BY (region)");
    s.executeUpdate("INSERT INTO orders VALUES (1, 'north'), (2, 'south')");
    s.executeUpdate("INSERT INTO orders VALUES (3, 'north'), (4, 'east')");
    s.execute("ALTER TABLE orders SET TBLPROPERTIES ('owner' = 'sales')");
    s.executeUpdate("DELETE FROM orders WHERE region = 'east'");
  }

  @Test
  void describeHistoryAndDetailAreDeltaSparks() throws Exception {
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      orders(s);
      for (String limit : List.of("", " LIMIT 2", " LIMIT 0")) {
        List<String> ours = rows(s, "DESCRIBE HISTORY orders" + limit);
        List<String> theirs = sparkRows("DESCRIBE HISTORY " + delta("orders") + limit);
        assertEquals(theirs, ours, limit);
      }
      assertEquals(5, rows(s, "DESCRIBE HISTORY orders").size());
      assertEquals(
          List.of(
              "version",
              "timestamp",
              "userId",
              "userName",
              "operation",
              "operationParameters",
              "job",
              "notebook",
              "clusterId",
              "readVersion",
              "isolationLevel",
              "isBlindAppend",
              "operationMetrics",
              "userMetadata",
              "engineInfo"),
          columns(s, "DESCRIBE HISTORY orders"));
      assertEquals(
          sparkRows("DESCRIBE DETAIL " + delta("orders")), rows(s, "DESCRIBE DETAIL orders"));
      assertEquals(
          Arrays.asList(spark().sql("DESCRIBE DETAIL " + delta("orders")).columns()),
          columns(s, "DESCRIBE DETAIL orders"));
      // the metadata tables are tables: a BI tool filters and aggregates them
      assertEquals(
          List.of("DELETE|1", "SET TBLPROPERTIES|1", "WRITE|2"),
          rows(
              s,
              "SELECT operation, count(*) FROM \"orders$history\" WHERE version > 0 "
                  + "GROUP BY operation ORDER BY operation"));
      SQLException missing =
          assertThrows(SQLException.class, () -> s.executeQuery("DESCRIBE HISTORY nothing"));
      assertEquals("42S02", missing.getSQLState(), missing.getMessage());
    }
  }

  @Test
  void vacuumLeavesWhatDeltaSparkLeaves() throws Exception {
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      orders(s);
      s.executeUpdate("INSERT OVERWRITE orders SELECT * FROM orders WHERE id < 3");
      SQLException tooShort =
          assertThrows(SQLException.class, () -> s.executeQuery("VACUUM orders RETAIN 0 HOURS"));
      assertEquals("22023", tooShort.getSQLState(), tooShort.getMessage());
      assertTrue(tooShort.getMessage().contains("orders"), tooShort.getMessage());
    }
    copy("orders", "orders_spark");
    Set<String> before = files("orders");
    String check = "spark.databricks.delta.retentionDurationCheck.enabled";
    // delta-spark lists the table in this many tasks, 10,000 by default: minutes on 2 cores
    String listing = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
    spark().conf().set(check, "false");
    spark().conf().set(listing, "2");
    try (Connection c = connect(";deltajdbc.vacuum.retentionDurationCheck.enabled=false");
        Statement s = c.createStatement()) {
      List<String> dryRun = relative(rows(s, "VACUUM orders RETAIN 0 HOURS DRY RUN"), "orders");
      List<String> sparkDryRun =
          relative(
              sparkRows("VACUUM " + delta("orders_spark") + " RETAIN 0 HOURS DRY RUN"),
              "orders_spark");
      assertEquals(sparkDryRun, dryRun);
      assertTrue(!dryRun.isEmpty(), "the overwrite left files to delete");
      assertEquals(before, files("orders"), "a dry run deletes nothing");
      List<String> done = rows(s, "VACUUM orders RETAIN 0 HOURS");
      List<String> sparkDone = sparkRows("VACUUM " + delta("orders_spark") + " RETAIN 0 HOURS");
      assertEquals(1, done.size(), done.toString());
      assertEquals(sparkDone, List.of(done.get(0) + "_spark"), "the table's path, as delta-spark");
    } finally {
      spark().conf().unset(check);
      spark().conf().unset(listing);
    }
    assertEquals(dataFiles("orders_spark"), dataFiles("orders"));
    assertEquals(
        sparkRows("SELECT * FROM " + delta("orders_spark") + " ORDER BY id"),
        sparkRows("SELECT * FROM " + delta("orders") + " ORDER BY id"));
    assertEquals(
        operations("orders_spark"), operations("orders"), "VACUUM START and END, as delta-spark");
  }

  @Test
  void restoreIsDeltaSparks() throws Exception {
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      orders(s);
      copy("orders", "orders_spark");
      List<String> ours = rows(s, "RESTORE TABLE orders TO VERSION AS OF 1");
      List<String> theirs =
          sparkRows("RESTORE TABLE " + delta("orders_spark") + " TO VERSION AS OF 1");
      assertEquals(theirs, ours);
      assertEquals(
          sparkRows("SELECT * FROM " + delta("orders_spark") + " ORDER BY id"),
          sparkRows("SELECT * FROM " + delta("orders") + " ORDER BY id"));
      assertEquals(operations("orders_spark"), operations("orders"));
      long versions = rows(s, "DESCRIBE HISTORY orders").size();
      SQLException future =
          assertThrows(
              SQLException.class, () -> s.executeQuery("RESTORE orders TO VERSION AS OF 99"));
      assertEquals("22023", future.getSQLState(), future.getMessage());
      assertEquals(versions, rows(s, "DESCRIBE HISTORY orders").size(), "nothing was committed");
    }
  }

  @Test
  void optimizeIsDeltaSparks() throws Exception {
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      orders(s);
      s.executeUpdate("INSERT INTO orders VALUES (5, 'north'), (6, 'south')");
      copy("orders", "orders_spark");
      Row theirs =
          spark().sql("OPTIMIZE " + delta("orders_spark") + " WHERE region = 'north'").first();
      try (ResultSet rs = s.executeQuery("OPTIMIZE orders WHERE region = 'north'")) {
        assertTrue(rs.next());
        assertEquals(theirs.getString(0), rs.getString(1) + "_spark", "the table's path");
        Object[] metrics = ((java.sql.Struct) rs.getObject(2)).getAttributes();
        Row sparkMetrics = theirs.getStruct(1);
        for (String field : List.of("numFilesAdded", "numFilesRemoved", "partitionsOptimized")) {
          int i = Arrays.asList(sparkMetrics.schema().fieldNames()).indexOf(field);
          assertEquals(sparkMetrics.getLong(i), ((Number) metrics[i]).longValue(), field);
        }
        assertEquals(
            Arrays.asList(sparkMetrics.schema().fieldNames()).size(),
            metrics.length,
            "delta-spark's metrics fields");
        assertTrue(!rs.next());
      }
      assertEquals(
          sparkRows("SELECT * FROM " + delta("orders_spark") + " ORDER BY id"),
          sparkRows("SELECT * FROM " + delta("orders") + " ORDER BY id"));
      assertEquals(operations("orders_spark"), operations("orders"));
      assertEquals(
          sparkRows("DESCRIBE HISTORY " + delta("orders_spark") + " LIMIT 1")
              .get(0)
              .split("\\|")[5],
          rows(s, "DESCRIBE HISTORY orders LIMIT 1").get(0).split("\\|")[5],
          "the commit's parameters, the predicate as delta-spark records it");
      assertEquals(
          dataFiles("orders_spark").stream().filter(f -> f.startsWith("region=north")).count(),
          dataFiles("orders").stream().filter(f -> f.startsWith("region=north")).count());
      long versions = rows(s, "DESCRIBE HISTORY orders").size();
      SQLException dataColumn =
          assertThrows(SQLException.class, () -> s.executeQuery("OPTIMIZE orders WHERE id = 1"));
      assertTrue(dataColumn.getMessage().contains("partition"), dataColumn.getMessage());
      SQLException partition =
          assertThrows(
              SQLException.class, () -> s.executeQuery("OPTIMIZE orders ZORDER BY (region)"));
      assertTrue(partition.getMessage().contains("partition column"), partition.getMessage());
      assertEquals(versions, rows(s, "DESCRIBE HISTORY orders").size(), "nothing was committed");
    }
  }

  /**
   * A rewrite of at least {@code deltajdbc.optimize.backendMinBytes} runs on the Spark backend (0
   * here: every rewrite), with delta-spark's outcome; the statement's warning says where it ran.
   */
  @Test
  void largeOptimizeRunsOnSparkAsDeltaSparksDoes() throws Exception {
    try (Connection c = connect(";deltajdbc.optimize.backendMinBytes=0");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE events (id BIGINT, score DOUBLE, region STRING) PARTITIONED BY (region)");
      for (int k = 0; k < 4; k++) {
        s.executeUpdate(
            "INSERT INTO events VALUES ("
                + k
                + ", "
                + (k * 1.5)
                + ", 'north'), ("
                + (10 + k)
                + ", "
                + (100 - k)
                + ", 'south')");
      }
      copy("events", "events_spark");
      spark().sql("OPTIMIZE " + delta("events_spark") + " ZORDER BY (score, id)").collectAsList();
      try (ResultSet rs = s.executeQuery("OPTIMIZE events ZORDER BY (score, id)")) {
        assertTrue(rs.next());
        assertTrue(
            s.getWarnings() != null
                && s.getWarnings().getMessage().contains("rewrote 8 files")
                && s.getWarnings().getMessage().contains("in Apache Spark (local"),
            String.valueOf(s.getWarnings()));
      }
      assertEquals(
          sparkRows("SELECT * FROM " + delta("events_spark") + " ORDER BY id"),
          sparkRows("SELECT * FROM " + delta("events") + " ORDER BY id"));
      assertEquals(operations("events_spark"), operations("events"));
      assertEquals(dataFiles("events_spark").size(), dataFiles("events").size());
    }
  }

  @Test
  void convertToDeltaIsDeltaSparks() throws Exception {
    spark()
        .sql("SELECT id, CAST(id % 3 AS STRING) AS region FROM range(10)")
        .repartition(2)
        .write()
        .partitionBy("region")
        .parquet(dir.resolve("raw").toString());
    copy("raw", "raw_spark");
    long parquetFiles = files("raw").stream().filter(f -> f.endsWith(".parquet")).count();
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      assertEquals(
          parquetFiles,
          s.executeUpdate("CONVERT TO DELTA parquet.`raw` PARTITIONED BY (region STRING)"));
      spark()
          .sql(
              "CONVERT TO DELTA parquet.`"
                  + dir.resolve("raw_spark")
                  + "` PARTITIONED BY (region STRING)");
      assertEquals(
          sparkRows("SELECT * FROM " + delta("raw_spark") + " ORDER BY id"),
          rows(s, "SELECT * FROM raw ORDER BY id"));
      assertEquals(operations("raw_spark"), operations("raw"));
      assertEquals(0, s.executeUpdate("CONVERT TO DELTA raw"), "a Delta table is left as it is");
      Files.createDirectories(dir.resolve("notparquet"));
      Files.writeString(dir.resolve("notparquet/data.csv"), "1,2\n");
      SQLException bad =
          assertThrows(SQLException.class, () -> s.executeUpdate("CONVERT TO DELTA notparquet"));
      assertEquals("42809", bad.getSQLState(), bad.getMessage());
      assertTrue(!Files.exists(dir.resolve("notparquet/_delta_log")), "nothing was written");
      SQLException path =
          assertThrows(
              SQLException.class, () -> s.executeUpdate("CONVERT TO DELTA parquet.`/tmp`"));
      assertEquals("42602", path.getSQLState(), path.getMessage());
    }
  }

  // ---- helpers

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

  /** Each row as its values joined by {@code |}: timestamps as epoch millis, maps sorted. */
  private static List<String> rows(Statement s, String sql) throws SQLException {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v =
              md.getColumnType(i) == java.sql.Types.TIMESTAMP
                  ? (rs.getTimestamp(i, utc) == null ? null : rs.getTimestamp(i, utc).getTime())
                  : rs.getObject(i);
          values.add(text(v));
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
        Object v = r.get(i);
        if (v instanceof Instant t) {
          v = t.toEpochMilli();
        } else if (v instanceof java.sql.Timestamp t) {
          v = t.getTime();
        } else if (v instanceof scala.collection.Map<?, ?>) {
          v = r.getJavaMap(i);
        } else if (v instanceof scala.collection.Seq<?>) {
          v = r.getList(i);
        } else if (v instanceof Row struct) {
          List<Object> fields = new ArrayList<>();
          for (int k = 0; k < struct.length(); k++) {
            fields.add(struct.get(k));
          }
          v = fields;
        }
        values.add(text(v));
      }
      out.add(String.join("|", values));
    }
    return out;
  }

  private static String text(Object v) {
    if (v instanceof Map<?, ?> m) {
      return new TreeMap<>(m).toString();
    }
    if (v instanceof java.sql.Array a) {
      try {
        return Arrays.asList((Object[]) a.getArray()).toString();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    if (v instanceof java.sql.Struct st) {
      try {
        return Arrays.asList(st.getAttributes()).toString();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    if (v instanceof Object[] a) {
      return Arrays.asList(a).toString();
    }
    return String.valueOf(v);
  }

  private List<String> relative(List<String> paths, String table) {
    String root = dir.resolve(table).toString();
    return paths.stream().map(p -> p.substring(p.indexOf(root) + root.length())).sorted().toList();
  }

  private List<String> operations(String table) {
    return Warehouse.operations(dir.resolve(table));
  }

  private Set<String> files(String table) throws IOException {
    Path root = dir.resolve(table);
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private Set<String> dataFiles(String table) throws IOException {
    return files(table).stream()
        .filter(f -> !f.startsWith("_delta_log"))
        .filter(f -> !f.endsWith(".crc"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private void copy(String from, String to) throws IOException {
    Warehouse.copyTable(dir, from, to);
  }
}
