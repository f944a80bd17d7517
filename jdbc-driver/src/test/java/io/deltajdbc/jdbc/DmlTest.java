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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * UPDATE, DELETE and MERGE through plain JDBC, each compared with delta-spark running the same SQL
 * on a copy of the table: the rows afterwards, the number of affected rows and the history.
 */
class DmlTest {
  @TempDir Path dir;

  /**
   * The oracle's session (with Delta's extensions) is the JVM's one session; the driver's DML
   * reuses it.
   */
  @BeforeAll
  static void oracleFirst() {
    SparkOracle.spark();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:delta:" + dir);
  }

  private String delta(String table) {
    return "delta.`" + dir.resolve(table) + "`";
  }

  private List<String> rows(String table) {
    return SparkOracle.spark()
        .sql("SELECT * FROM " + delta(table) + " ORDER BY id")
        .collectAsList()
        .stream()
        .map(Row::toString)
        .toList();
  }

  private List<String> history(String table) {
    return Warehouse.operations(dir.resolve(table));
  }

  private void copy(String from, String to) throws IOException {
    Warehouse.copyTable(dir, from, to);
  }

  /**
   * Runs {@code sql} ({@code {t}} and {@code {s}} stand for the tables) through JDBC on t and
   * delta-spark on its copy.
   */
  private void sameAsDeltaSpark(Statement s, String sql) throws Exception {
    copy("t", "t_spark");
    long ours = s.executeUpdate(sql.replace("{t}", "t").replace("{s}", "changes"));
    Row theirs =
        SparkOracle.spark()
            .sql(sql.replace("{t}", delta("t_spark")).replace("{s}", delta("changes")))
            .collectAsList()
            .get(0);
    assertEquals(rows("t_spark"), rows("t"), sql);
    assertEquals(theirs.getLong(0), ours, sql);
    deleteRecursively(dir.resolve("t_spark"));
  }

  private static void deleteRecursively(Path p) throws IOException {
    try (Stream<Path> files = Files.walk(p)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  /**
   * Tables as our CREATE TABLE makes them (plain; partitioned with column mapping by name; column
   * mapping by id with deletion vectors) and as delta-spark makes them (partitioned, deletion
   * vectors, a checkpoint every two commits).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "PARTITIONED BY (region) TBLPROPERTIES ('delta.columnMapping.mode' = 'name')",
        "TBLPROPERTIES ('delta.columnMapping.mode' = 'id', 'delta.enableDeletionVectors' = 'true')",
        "spark: PARTITIONED BY (region) TBLPROPERTIES ('delta.enableDeletionVectors' = 'true', "
            + "'delta.checkpointInterval' = '2')"
      })
  void updateDeleteAndMergeMatchDeltaSpark(String layout) throws Exception {
    String columns = "(id BIGINT, name STRING, amount DECIMAL(10,2), region STRING) ";
    String rows1 =
        "VALUES (1, 'a', 10.00, 'north'), (2, 'b', 20.00, 'south'), "
            + "(3, 'c', 30.00, 'north'), (4, 'd', 40.00, 'east'), (5, 'e', 50.00, 'south'), (6, 'f', 60.00, 'north')";
    String rows2 = "VALUES (7, 'g', 70.00, 'east'), (8, 'h', NULL, 'west')";
    if (layout.startsWith("spark: ")) {
      SparkOracle.spark()
          .sql("CREATE TABLE " + delta("t") + " " + columns + "USING delta " + layout.substring(7));
      // One file per partition, so that changing some rows of a file leaves others for a deletion
      // vector.
      for (String rows : List.of(rows1, rows2)) {
        SparkOracle.spark()
            .sql(
                "INSERT INTO "
                    + delta("t")
                    + " SELECT /*+ REPARTITION(1) */ * FROM ("
                    + rows
                    + ") AS v(id, name, amount, region)");
      }
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      if (!layout.startsWith("spark: ")) {
        s.execute("CREATE TABLE t " + columns + layout);
        s.executeUpdate("INSERT INTO t " + rows1);
        s.executeUpdate("INSERT INTO t " + rows2);
      }
      s.execute(
          "CREATE TABLE changes (id BIGINT, name STRING, amount DECIMAL(10,2), region STRING, op STRING)");
      s.executeUpdate(
          "INSERT INTO changes VALUES (2, 'B', 21.00, 'south', 'u'), (3, 'C', 0.00, 'north', 'd'), "
              + "(9, 'i', 90.00, 'west', 'i'), (10, 'j', 100.00, 'north', 'i')");

      sameAsDeltaSpark(
          s,
          "UPDATE {t} SET amount = amount * 2, name = name || '!' WHERE id > 4 AND region <> 'east'");
      sameAsDeltaSpark(s, "DELETE FROM {t} WHERE region = 'north' AND amount < 40");
      sameAsDeltaSpark(
          s,
          "MERGE INTO {t} AS t USING {s} AS s ON t.id = s.id "
              + "WHEN MATCHED AND s.op = 'd' THEN DELETE "
              + "WHEN MATCHED THEN UPDATE SET name = s.name, amount = s.amount "
              + "WHEN NOT MATCHED AND s.op = 'i' THEN INSERT (id, name, amount, region) "
              + "VALUES (s.id, s.name, s.amount, s.region)");
      sameAsDeltaSpark(s, "DELETE FROM {t} WHERE amount IS NULL");
    }
    assertEquals(
        List.of("DELETE", "MERGE", "DELETE", "UPDATE", "WRITE", "WRITE", "CREATE TABLE"),
        history("t"));
    if (layout.contains("enableDeletionVectors")) {
      StringBuilder log = new StringBuilder();
      try (Stream<Path> files = Files.list(dir.resolve("t/_delta_log"))) {
        for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
          log.append(Files.readString(f));
        }
      }
      assertTrue(
          log.toString().contains("\"deletionVector\":{"),
          "deletes on a table with deletion vectors write deletion vectors: " + log);
    }
  }

  /**
   * A MERGE whose ON clause names one partition of the target reads and rewrites only that
   * partition's files: the other partitions' files are the same files afterwards, and the rows are
   * delta-spark's for the same statement (a source row of another partition is inserted, as the ON
   * clause says). Files whose statistics the ON clause rules out are not read at all.
   */
  @Test
  void mergeRewritesOnlyThePartitionsItsOnClauseAllows() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT, name STRING, region STRING) PARTITIONED BY (region)");
      s.executeUpdate("INSERT INTO t VALUES (1, 'a', 'north'), (2, 'b', 'south')");
      s.executeUpdate("INSERT INTO t VALUES (3, 'c', 'north'), (4, 'd', 'south')");
      s.execute("CREATE TABLE changes (id BIGINT, name STRING, region STRING)");
      s.executeUpdate(
          "INSERT INTO changes VALUES (1, 'A', 'north'), (6, 'F', 'south'), (5, 'E', 'north')");
      Set<String> south = files("t", "south");
      assertEquals(2, south.size(), "two files in region south before the MERGE");
      sameAsDeltaSpark(
          s,
          "MERGE INTO {t} AS t USING {s} AS s ON t.region = 'north' AND t.id = s.id "
              + "WHEN MATCHED THEN UPDATE SET name = s.name "
              + "WHEN NOT MATCHED THEN INSERT (id, name, region) VALUES (s.id, s.name, s.region)");
      Set<String> southAfter = files("t", "south");
      assertTrue(
          southAfter.containsAll(south),
          "the files of region south are untouched: " + south + " -> " + southAfter);
      assertEquals(
          south.size() + 1, southAfter.size(), "only the inserted row 6 adds a file there");
      // Files the ON clause rules out by their statistics are not even opened: they can be missing.
      s.execute("CREATE TABLE u (id BIGINT, name STRING)");
      s.executeUpdate("INSERT INTO u VALUES (1, 'a'), (2, 'b')");
      Set<String> low = files("u", null);
      s.executeUpdate("INSERT INTO u VALUES (3, 'c'), (4, 'd')");
      for (String f : files("u", null)) {
        if (!low.contains(f)) {
          Files.delete(dir.resolve("u").resolve(f));
        }
      }
      assertEquals(
          1,
          s.executeUpdate(
              "MERGE INTO u USING changes s ON u.id < 3 AND u.id = s.id "
                  + "WHEN MATCHED THEN UPDATE SET name = lower(s.name)"));
      try (ResultSet rs = s.executeQuery("SELECT id, name FROM u WHERE id < 3 ORDER BY id")) {
        List<String> changed = new java.util.ArrayList<>();
        while (rs.next()) {
          changed.add(rs.getLong(1) + " " + rs.getString(2));
        }
        assertEquals(List.of("1 a", "2 b"), changed);
      }
    }
  }

  /**
   * The data files of the table's latest version in one partition of {@code region} (all of them
   * for null).
   */
  private Set<String> files(String table, String region) {
    return io.deltajdbc.engine.DeltaTable.forPath(dir.resolve(table).toString())
        .latestSnapshot()
        .files()
        .stream()
        .filter(f -> region == null || region.equals(f.partitionValues().get("region")))
        .map(f -> f.path())
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void parametersTimeTravelledSourcesAndErrors() throws Exception {
    Warehouse.create(dir);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE customers SET name = ? WHERE id = ? OR name = ?")) {
        ps.setString(1, "it's renamed");
        ps.setInt(2, 3);
        ps.setString(3, "customer 4");
        assertEquals(2, ps.executeUpdate());
      }
      assertEquals(
          List.of("[3,it's renamed]", "[4,it's renamed]"),
          SparkOracle.spark()
              .sql("SELECT * FROM " + delta("customers") + " WHERE name LIKE 'it%' ORDER BY id")
              .collectAsList()
              .stream()
              .map(Row::toString)
              .toList());
      // MERGE from an old version of another table
      assertEquals(
          25,
          s.executeUpdate(
              "MERGE INTO customers c USING orders@v1 o ON c.id = o.id "
                  + "WHEN MATCHED THEN UPDATE SET name = 'ordered' "
                  + "WHEN NOT MATCHED THEN INSERT (id, name) VALUES (CAST(o.id AS INT), o.region)"));
      assertEquals(
          List.of("25|10"),
          SparkOracle.spark()
              .sql("SELECT count(*), count_if(name = 'ordered') FROM " + delta("customers"))
              .collectAsList()
              .stream()
              .map(r -> r.mkString("|"))
              .toList());
      SQLException noColumn =
          assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE customers SET nope = 1"));
      assertTrue(
          noColumn.getMessage().contains("nope") || noColumn.getMessage().contains("NOPE"),
          noColumn.getMessage());
      // A value that does not fit fails in the Spark tasks; nothing is committed.
      long version = SparkOracle.spark().sql("DESCRIBE HISTORY " + delta("customers")).count();
      SQLException overflow =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("UPDATE customers SET id = id + 3000000000"));
      assertTrue(overflow.getMessage().contains("id"), overflow.getMessage());
      assertEquals(
          version, SparkOracle.spark().sql("DESCRIBE HISTORY " + delta("customers")).count());
      SQLException old =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("DELETE FROM customers VERSION AS OF 1 WHERE id = 1"));
      assertTrue(old.getMessage().contains("read-only"), old.getMessage());
      s.execute("ALTER TABLE customers SET TBLPROPERTIES ('delta.appendOnly' = 'true')");
      assertEquals(1, s.executeUpdate("INSERT INTO customers VALUES (100, 'appended')"));
      SQLException appendOnly =
          assertThrows(
              SQLException.class, () -> s.executeUpdate("DELETE FROM customers WHERE id = 100"));
      assertEquals("23000", appendOnly.getSQLState(), appendOnly.getMessage());
    }
  }

  @Test
  void enablingDeletionVectorsLaterUpgradesTheProtocol() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE v (id BIGINT, name STRING)");
      s.executeUpdate("INSERT INTO v VALUES (1, 'a'), (2, 'b'), (3, 'c')");
      s.execute("ALTER TABLE v SET TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
      assertEquals(1, s.executeUpdate("DELETE FROM v WHERE id = 2"));
    }
    Row detail =
        SparkOracle.spark()
            .sql("DESCRIBE DETAIL " + delta("v"))
            .select("minReaderVersion", "minWriterVersion", "tableFeatures")
            .collectAsList()
            .get(0);
    assertEquals(3, detail.getInt(0));
    assertEquals(7, detail.getInt(1));
    assertTrue(
        detail.getList(2).containsAll(List.of("appendOnly", "invariants", "deletionVectors")),
        detail.getList(2).toString());
    assertEquals(List.of("[1,a]", "[3,c]"), rows("v"));
    assertTrue(
        Files.readString(dir.resolve("v/_delta_log/00000000000000000003.json"))
            .contains("\"deletionVector\":{"));
    // delta-spark keeps writing the upgraded table
    SparkOracle.spark().sql("DELETE FROM " + delta("v") + " WHERE id = 3").collect();
    assertEquals(List.of("[1,a]"), rows("v"));
  }
}
