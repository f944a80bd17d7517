package io.deltajdbc.jdbc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spark SQL injection through the driver (issue 11, section 1): statements whose expressions, or
 * tables whose CHECK constraints, would make Spark read files, write directories, read the
 * environment or stop the JVM, and connection properties that would reopen the session. Each attack
 * must fail with an SQLState, change nothing outside the warehouse (a checksum listing of a sibling
 * folder), leave the table's rows and version as they were, and leave the JVM running (a query
 * afterwards works; the test finishing proves the rest). Ordinary functions keep working.
 */
class SparkInjectionTest {
  private static final String EXIT = "java_method('java.lang.System', 'exit', 7)";
  private static final String GETENV = "reflect('java.lang.System', 'getenv', 'PATH')";
  private static final String HOSTNAME = "(SELECT max(`value`) FROM text.`/etc/hostname`)";
  private static final Path CWD_WAREHOUSE = Path.of("spark-warehouse").toAbsolutePath();
  private static boolean cwdWarehouseBefore;

  @TempDir Path root;

  private Path warehouse;
  private Path sibling;

  @BeforeAll
  static void noteWorkingDirectory() {
    cwdWarehouseBefore = Files.exists(CWD_WAREHOUSE);
    // The test JVM's one session is the oracle's (with Delta's extensions), whichever class runs
    // first.
    SparkOracle.spark();
  }

  @AfterAll
  static void nothingInTheWorkingDirectory() {
    if (!cwdWarehouseBefore) {
      assertFalse(
          Files.exists(CWD_WAREHOUSE),
          "the DML session put its warehouse into the working directory");
    }
  }

  @BeforeEach
  void warehouseAndSibling() throws Exception {
    warehouse = Files.createDirectories(root.resolve("warehouse"));
    sibling = Files.createDirectories(root.resolve("sibling"));
    Files.writeString(sibling.resolve("secret.txt"), "the secret\n");
    Files.createDirectories(sibling.resolve("sub"));
    Files.write(sibling.resolve("sub/data.bin"), new byte[] {1, 2, 3});
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT, name STRING, d DATE, amount INT)");
      s.executeUpdate(
          "INSERT INTO t VALUES (1, 'a', DATE '2024-01-01', -5), (2, 'b', DATE '2024-02-01', 7), "
              + "(3, 'c', DATE '2024-03-01', 12)");
      s.execute("CREATE TABLE src (id BIGINT, name STRING)");
      s.executeUpdate("INSERT INTO src VALUES (2, 'B'), (4, 'D')");
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:delta:" + warehouse);
  }

  private static final String MERGE = "MERGE INTO t USING src AS s ON t.id = s.id ";

  @ParameterizedTest
  @ValueSource(
      strings = {
        MERGE + "WHEN MATCHED THEN UPDATE SET name = concat('', " + HOSTNAME + ")",
        MERGE + "WHEN MATCHED THEN UPDATE SET name = " + EXIT,
        MERGE + "WHEN MATCHED THEN UPDATE SET name = " + GETENV,
        MERGE
            + "WHEN MATCHED THEN UPDATE SET name = java_method('org.apache.spark.util.Utils', 'createDirectory', "
            + "'{sibling}', 'x')",
        MERGE + "WHEN MATCHED AND " + EXIT + " IS NULL THEN DELETE",
        MERGE + "WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, " + GETENV + ")",
        "MERGE INTO t USING src AS s ON t.id = s.id AND (SELECT count(*) FROM text.`{sibling}/secret.txt`) > 0 "
            + "WHEN MATCHED THEN DELETE",
        "MERGE INTO t USING src AS s ON t.id = s.id AND "
            + EXIT
            + " IS NULL WHEN MATCHED THEN DELETE",
        "UPDATE t SET name = " + GETENV,
        "UPDATE t SET name = " + EXIT + " WHERE id = 1",
        "UPDATE t SET name = java_method('org.apache.spark.util.Utils', 'createDirectory', '{sibling}', 'x')",
        "UPDATE t SET name = 'x' WHERE name = " + HOSTNAME,
        "DELETE FROM t WHERE " + EXIT + " IS NULL",
        "DELETE FROM t WHERE name IN (SELECT `value` FROM text.`{sibling}/secret.txt`)",
        "DELETE FROM t WHERE id IN (SELECT id FROM src WHERE src.id = t.id)",
        "UPDATE t SET name = 'x' WHERE EXISTS (SELECT 1 FROM src WHERE src.id = t.id)",
        "DELETE FROM t WHERE java_method('org.apache.spark.util.Utils', 'createDirectory', '{sibling}', 'x') "
            + "IS NOT NULL"
      })
  void dmlThatReachesOutsideIsRefused(String sql) throws Exception {
    refusedWithoutEffects("t", sql.replace("{sibling}", sibling.toString()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java_method(''java.lang.System'', ''exit'', 7) IS NULL",
        "reflect(''java.lang.System'', ''getenv'', ''PATH'') IS NOT NULL",
        "id > (SELECT count(*) FROM text.`/etc/hostname`)",
        "java_method(''org.apache.spark.util.Utils'', ''createDirectory'', ''{sibling}'', ''x'') IS NOT NULL"
      })
  void createTableWithAHostileConstraintIsRefused(String constraint) throws Exception {
    String text = constraint.replace("{sibling}", sibling.toString());
    Map<String, String> before = listing(sibling);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  s.execute(
                      "CREATE TABLE h (id BIGINT) TBLPROPERTIES ('delta.constraints.k' = '"
                          + text
                          + "')"));
      assertRefusal(e);
      assertTrue(e.getMessage().contains("CHECK constraint k"), e.getMessage());
      assertFalse(Files.exists(warehouse.resolve("h/_delta_log")), "no table was created");
      assertAlive(s);
    }
    assertEquals(before, listing(sibling));
  }

  @Test
  void alterTableWithAHostileConstraintIsRefused() throws Exception {
    refusedWithoutEffects(
        "t",
        "ALTER TABLE t SET TBLPROPERTIES ('delta.constraints.k' = '"
            + EXIT.replace("'", "''")
            + " IS NULL')");
    refusedWithoutEffects("t", "ALTER TABLE t ADD CONSTRAINT k CHECK (" + EXIT + " IS NULL)");
    refusedWithoutEffects("t", "ALTER TABLE t ADD CONSTRAINT k CHECK (name <> " + HOSTNAME + ")");
  }

  @Test
  void aHostileConstraintWrittenByAnotherToolRefusesEveryWrite() throws Exception {
    StructType schema =
        StructType.of(
            new StructField("id", PrimitiveType.LONG, true),
            new StructField("name", PrimitiveType.STRING, true));
    String path = warehouse.resolve("e").toString();
    DeltaTable e =
        DeltaTable.create(
            path,
            DeltaTable.defaultConfiguration(),
            TableSpec.of(schema)
                .withProperty(
                    "delta.constraints.k",
                    "java_method('org.apache.spark.util.Utils', 'createDirectory', '"
                        + sibling
                        + "', 'x') IS NOT NULL OR "
                        + EXIT
                        + " IS NULL"));
    Transaction txn = e.startTransaction();
    txn.write(List.of(Row.of(1L, "a"), Row.of(2L, "b")).iterator());
    txn.constraintsChecked(); // the other tool says so
    txn.commit(Operation.append());
    for (String sql :
        List.of(
            "INSERT INTO e VALUES (3, 'c')",
            "INSERT INTO e SELECT id + 10, name FROM e",
            "UPDATE e SET name = upper(name)",
            "DELETE FROM e WHERE id = 1",
            "MERGE INTO e USING src AS s ON e.id = s.id WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)")) {
      SQLException refused = refusedWithoutEffects("e", sql);
      assertTrue(
          refused.getMessage().contains("CHECK constraint k")
              && refused.getMessage().contains(path),
          refused.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "spark.sql.runSQLOnFiles=true",
        "spark.sql.variable.substitute=true",
        "spark.sql.warehouse.dir={sibling}",
        "spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension",
        "spark.jars={sibling}/x.jar",
        "spark.driver.extraJavaOptions=-Dx=y",
        "spark.executor.extraClassPath={sibling}",
        "spark.extraListeners=java.lang.Object",
        "spark.ui.enabled=true",
        "spark.eventLog.dir={sibling}"
      })
  void aConnectionCannotReopenTheSession(String property) throws Exception {
    String url =
        "jdbc:delta:" + warehouse + ";" + property.replace("{sibling}", sibling.toString());
    List<String> before = rows("t");
    long version = version("t");
    Map<String, String> files = listing(sibling);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE t SET name = upper(name)",
              "DELETE FROM t WHERE id = 1",
              MERGE + "WHEN MATCHED THEN UPDATE SET name = s.name")) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
        assertEquals("42000", e.getSQLState(), e.getMessage());
        assertTrue(
            e.getMessage().contains(property.substring(0, property.indexOf('='))), e.getMessage());
      }
      assertAlive(s); // reads do not need Spark
    }
    assertEquals(before, rows("t"));
    assertEquals(version, version("t"));
    assertEquals(files, listing(sibling));
  }

  @Test
  void ordinaryFunctionsStillWork() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(
          3,
          s.executeUpdate(
                  MERGE
                      + "WHEN MATCHED THEN UPDATE SET name = upper(coalesce(s.name, t.name)), "
                      + "amount = abs(t.amount) + 1, d = t.d + INTERVAL '1' DAY "
                      + "WHEN NOT MATCHED THEN INSERT (id, name, d, amount) "
                      + "VALUES (s.id, CASE WHEN s.id > 3 THEN 'big' ELSE 'small' END, DATE '2024-04-01', 0)")
              + s.executeUpdate(
                  "UPDATE t SET amount = abs(amount), d = d + INTERVAL '1' DAY WHERE amount < 0"));
      assertEquals(
          1, s.executeUpdate("DELETE FROM t WHERE CASE WHEN amount > 10 THEN true ELSE false END"));
      assertEquals(
          List.of("1,a,2024-01-02,5", "2,B,2024-02-02,8", "4,big,2024-04-01,0"), rows("t"));

      s.execute(
          "ALTER TABLE t ADD CONSTRAINT small CHECK (abs(amount) < 1000 AND upper(name) <> 'X')");
      s.execute(
          "CREATE TABLE k (id BIGINT, name STRING) TBLPROPERTIES ('delta.constraints.short' = "
              + "'length(name) < 10 AND coalesce(id, 0) >= 0 AND CASE WHEN id > 100 THEN name IS NOT NULL ELSE true END')");
      assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (5, 'e', DATE '2024-05-01', 999)"));
      assertEquals(1, s.executeUpdate("INSERT INTO k VALUES (1, 'short')"));
      assertEquals(1, s.executeUpdate("UPDATE k SET name = lower(name) WHERE id = 1"));
      SQLException tooLong =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("INSERT INTO k VALUES (2, 'far too long a name')"));
      assertEquals("23000", tooLong.getSQLState(), tooLong.getMessage());
      SQLException x =
          assertThrows(
              SQLException.class, () -> s.executeUpdate("UPDATE t SET name = 'x' WHERE id = 5"));
      assertEquals("23000", x.getSQLState(), x.getMessage());
    }
  }

  /**
   * Runs {@code sql}, which must fail with an SQLState and change neither the table nor the sibling
   * folder.
   */
  private SQLException refusedWithoutEffects(String table, String sql) throws Exception {
    List<String> before = rows(table);
    long version = version(table);
    Map<String, String> files = listing(sibling);
    SQLException e;
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
      assertRefusal(e);
      assertAlive(s);
    }
    assertEquals(before, rows(table), sql);
    assertEquals(version, version(table), sql);
    assertEquals(files, listing(sibling), sql);
    return e;
  }

  /**
   * A refusal, not a failure on Spark: SQLState class 42 (a refused expression or an unknown
   * function), 22 (an invalid argument) or 0A (not supported). 58000 would mean the text ran.
   */
  private static void assertRefusal(SQLException e) {
    String state = e.getSQLState();
    assertNotNull(state, e::getMessage);
    assertTrue(
        state.startsWith("42") || state.startsWith("22") || state.startsWith("0A"),
        state + ": " + e.getMessage());
  }

  private static void assertAlive(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
      assertTrue(rs.next());
      assertTrue(rs.getLong(1) > 0);
    }
  }

  private List<String> rows(String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          values.add(String.valueOf(rs.getObject(i)));
        }
        out.add(String.join(",", values));
      }
    }
    return out;
  }

  private long version(String table) {
    return DeltaTable.forPath(warehouse.resolve(table).toString()).latestInfo().version();
  }

  /** Relative path to size and SHA-256 of every file and folder under {@code dir}. */
  private static Map<String, String> listing(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.toList()) {
        String rel = dir.relativize(p).toString();
        out.put(
            rel,
            Files.isDirectory(p) ? "dir" : Files.size(p) + " " + sha256(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
