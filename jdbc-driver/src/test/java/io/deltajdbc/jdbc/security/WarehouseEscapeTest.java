package io.deltajdbc.jdbc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names escaping the warehouse, tried as an attacker would through plain JDBC: a warehouse {@code
 * wh} beside {@code victim} (a Delta table with a file of its own) and {@code files} (no table at
 * all). Every attack fails with the SQLState a user sees, and after each test a checksum listing of
 * everything outside the warehouse (path, size, SHA-256) is what it was before.
 */
class WarehouseEscapeTest {
  static final StructType ROW =
      StructType.of(
          new StructField("id", PrimitiveType.INTEGER, true),
          new StructField("name", PrimitiveType.STRING, true));

  @TempDir Path root;
  Path warehouse;
  Path victim;
  Path files;
  DirectoryChecksum before;

  @BeforeEach
  void setUp() throws Exception {
    warehouse = Files.createDirectory(root.resolve("wh"));
    victim = root.resolve("victim");
    files = root.resolve("files");
    writeTable(victim, 3);
    Files.writeString(victim.resolve("README.txt"), "the victim's own notes");
    Files.createDirectories(files.resolve("sub"));
    Files.writeString(files.resolve("notes.txt"), "not a table");
    Files.writeString(files.resolve("sub/data.csv"), "1,2,3\n");
    writeTable(warehouse.resolve("orders"), 2);
    Files.createSymbolicLink(warehouse.resolve("link"), victim);
    before = DirectoryChecksum.of(root, warehouse);
  }

  @AfterEach
  void nothingOutsideTheWarehouseChanged() {
    assertEquals(
        before, DirectoryChecksum.of(root, warehouse), "files outside the warehouse changed");
  }

  /** Every spelling of a path that an identifier could carry; each must be refused as a name. */
  static Stream<String> pathNames() {
    return Stream.of(
        "../victim",
        "a/../../victim",
        "..",
        ".",
        "sub/x",
        "a\\b",
        "x\u0000y",
        "x\u0001y",
        "c:victim",
        "file:../victim");
  }

  /** The absolute and URI spellings depend on the temporary directory, so they are built here. */
  private List<String> allPathNames() {
    List<String> names = new ArrayList<>(pathNames().toList());
    names.add(victim.toString());
    names.add("file:" + victim);
    names.add(victim.toUri().toString());
    names.add(victim + "@v0");
    names.add(files.toString());
    return names;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pathNames")
  void aPathIsRefusedAsATableNameByEveryStatement(String name) throws Exception {
    attackWith(name);
  }

  @Test
  void absolutePathsAndUrisAreRefusedAsTableNamesByEveryStatement() throws Exception {
    for (String name : allPathNames()) {
      attackWith(name);
    }
  }

  private void attackWith(String name) throws Exception {
    String q = quote(name);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "SELECT * FROM " + q,
              "SELECT count(*) FROM " + quote(name + "@v0"),
              "SELECT * FROM " + q + " VERSION AS OF 0",
              "CREATE TABLE " + q + " (id INT)",
              "CREATE TABLE IF NOT EXISTS " + q + " (id INT)",
              "CREATE TABLE " + q + " AS SELECT * FROM orders",
              "CREATE TABLE copy AS SELECT * FROM " + q,
              "INSERT INTO " + q + " VALUES (1, 'x')",
              "INSERT INTO " + q + " SELECT * FROM orders",
              "INSERT INTO orders SELECT * FROM " + q,
              "INSERT OVERWRITE " + q + " SELECT * FROM orders",
              "ALTER TABLE " + q + " ADD COLUMNS (extra INT)",
              "ALTER TABLE " + q + " SET TBLPROPERTIES ('delta.appendOnly' = 'true')",
              "TRUNCATE TABLE " + q,
              "DROP TABLE " + q,
              "DROP TABLE IF EXISTS " + q,
              "DELETE FROM " + q + " WHERE id = 1",
              "UPDATE " + q + " SET name = 'y'",
              "MERGE INTO orders t USING " + q + " s ON t.id = s.id WHEN MATCHED THEN DELETE",
              "MERGE INTO " + q + " t USING orders s ON t.id = s.id WHEN MATCHED THEN DELETE",
              "CREATE TABLE " + q + ".t (id INT)",
              "DROP TABLE " + q + ".victim")) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals("42602", e.getSQLState(), sql + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("is not allowed"), e.getMessage());
      }
    }
    assertEquals(
        Set.of("link", "orders"), entries(warehouse), "nothing was created in the warehouse");
    assertEquals(2, count("orders"));
  }

  @Test
  void theRefusalNamesTheNameAndWhatIsAllowed() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      SQLException e =
          assertThrows(SQLException.class, () -> s.execute("DROP TABLE \"../victim\""));
      assertEquals("42602", e.getSQLState());
      assertTrue(e.getMessage().contains("'../victim'"), e.getMessage());
      assertTrue(e.getMessage().contains("never a path or URI"), e.getMessage());
      SQLException nul =
          assertThrows(SQLException.class, () -> s.execute("SELECT * FROM \"x\u0000y\""));
      assertTrue(
          nul.getMessage().contains("'x\\u0000y'"),
          "control characters are shown escaped: " + nul.getMessage());
    }
  }

  @Test
  void aSchemaNameIsANameToo() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String schema : List.of("..", ".", "../victim", root.toString(), "file:" + root)) {
        for (String sql :
            List.of(
                "CREATE TABLE " + quote(schema) + ".t (id INT)",
                "CREATE TABLE " + quote(schema) + ".victim (id INT)",
                "DROP TABLE " + quote(schema) + ".victim",
                "INSERT INTO " + quote(schema) + ".victim VALUES (1, 'x')",
                "TRUNCATE TABLE " + quote(schema) + ".victim")) {
          SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
          assertEquals("42602", e.getSQLState(), sql + ": " + e.getMessage());
        }
        SQLException e =
            assertThrows(
                SQLException.class,
                () -> s.executeQuery("SELECT * FROM " + quote(schema) + ".victim"));
        assertEquals("42602", e.getSQLState(), e.getMessage());
      }
    }
    assertEquals(Set.of("link", "orders"), entries(warehouse));
  }

  @Test
  void aLinkOutOfTheWarehouseIsNeitherListedNorReadNorWritten() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "SELECT * FROM link",
              "SELECT * FROM link@v0",
              "INSERT INTO link VALUES (9, 'x')",
              "ALTER TABLE link ADD COLUMNS (extra INT)",
              "TRUNCATE TABLE link",
              "DROP TABLE link",
              "DROP TABLE IF EXISTS link",
              "CREATE TABLE link (id INT)",
              "CREATE TABLE copy AS SELECT * FROM link")) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("outside the warehouse"), e.getMessage());
      }
      assertEquals(Set.of("orders"), tableNames(c), "a link out of the warehouse is not listed");
    }
  }

  @Test
  void aTableWhoseLogLinksOutOfTheWarehouseIsNoTable() throws Exception {
    Files.createDirectories(warehouse.resolve("looted"));
    Files.createSymbolicLink(warehouse.resolve("looted/_delta_log"), victim.resolve("_delta_log"));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "SELECT * FROM looted",
              "DROP TABLE looted",
              "TRUNCATE TABLE looted",
              "INSERT INTO looted VALUES (9, 'x')")) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals("42S02", e.getSQLState(), sql + ": " + e.getMessage());
      }
      SQLException e =
          assertThrows(SQLException.class, () -> s.execute("CREATE TABLE looted (id INT)"));
      assertEquals("42S01", e.getSQLState(), e.getMessage());
      assertEquals(Set.of("orders"), tableNames(c));
    }
  }

  @Test
  void dropNeverFollowsALinkEvenInsideTheWarehouse() throws Exception {
    Files.createSymbolicLink(warehouse.resolve("alias"), warehouse.resolve("orders"));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(2, count(s, "alias"), "a link that stays inside the warehouse reads its table");
      SQLException e = assertThrows(SQLException.class, () -> s.execute("DROP TABLE alias"));
      assertEquals("42501", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
      assertEquals(2, count(s, "orders"), "the link's target is untouched");
    }
    assertTrue(Files.isSymbolicLink(warehouse.resolve("alias")));
  }

  @Test
  void createOverADirectoryWithOtherFilesIsRefusedAndWritesNothing() throws Exception {
    Path stuff = Files.createDirectories(warehouse.resolve("stuff/deeper"));
    Files.writeString(warehouse.resolve("stuff/keep.txt"), "mine");
    DirectoryChecksum stuffBefore = DirectoryChecksum.of(warehouse.resolve("stuff"));
    Files.createDirectories(warehouse.resolve("empty"));
    Files.createDirectories(warehouse.resolve("emptylog/_delta_log"));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "CREATE TABLE stuff (id INT)",
              "CREATE TABLE IF NOT EXISTS stuff (id INT)",
              "CREATE TABLE stuff AS SELECT * FROM orders")) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals("42S01", e.getSQLState(), e.getMessage());
        assertTrue(
            e.getMessage().contains("default.stuff")
                && e.getMessage().contains(stuff.getParent().toString()),
            "the message names the table and its directory: " + e.getMessage());
      }
      // Over a folder elsewhere, by absolute path, the name is refused before any directory is
      // looked at.
      SQLException abs =
          assertThrows(
              SQLException.class,
              () -> s.execute("CREATE TABLE " + quote(files.toString()) + " (id INT)"));
      assertEquals("42602", abs.getSQLState(), abs.getMessage());
      assertEquals(
          "42602",
          assertThrows(SQLException.class, () -> s.execute("DROP TABLE " + quote(files.toString())))
              .getSQLState());
      // An empty directory, or one with nothing but an empty log, is free for a new table.
      s.execute("CREATE TABLE \"empty\" (id INT)");
      s.execute("CREATE TABLE emptylog (id INT)");
      assertEquals(1, s.executeUpdate("INSERT INTO \"empty\" VALUES (1)"));
    }
    assertEquals(
        stuffBefore,
        DirectoryChecksum.of(warehouse.resolve("stuff")),
        "nothing was written into stuff");
  }

  @Test
  void namesThatCouldNeverBeReadBackAreRefusedAtCreate() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String name :
          List.of("x@v0", "x@3", "_hidden", ".hidden", "_delta_log", "_change_data")) {
        for (String sql :
            List.of(
                "CREATE TABLE " + quote(name) + " (id INT)",
                "CREATE TABLE " + quote(name) + " AS SELECT * FROM orders",
                "CREATE TABLE " + quote(name) + ".t (id INT)")) {
          SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
          assertEquals("42602", e.getSQLState(), sql + ": " + e.getMessage());
        }
      }
      assertEquals(Set.of("orders"), tableNames(c));
    }
    assertEquals(Set.of("link", "orders"), entries(warehouse));
  }

  @Test
  void legitimateNamesStillWork() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE events (id INT, name STRING) TBLPROPERTIES ('delta.checkpointInterval' = '2')");
      assertEquals(2, s.executeUpdate("INSERT INTO events VALUES (1, 'a'), (2, 'b')"));
      assertEquals(1, s.executeUpdate("INSERT INTO events VALUES (3, 'c')"));
      s.execute("TRUNCATE TABLE events"); // the removed files are now only named by tombstones
      assertEquals(1, s.executeUpdate("INSERT INTO events VALUES (4, 'd')"));
      assertEquals(1, count(s, "events"));
      assertEquals(3, count(s, "\"events@v2\""));
      s.execute("CREATE TABLE sales.items (id INT, name STRING)");
      assertEquals(1, s.executeUpdate("INSERT INTO sales.items VALUES (1, 'pen')"));
      assertEquals(1, count(s, "sales.items"));
      s.execute("CREATE TABLE \"Mixed Case-name\" (id INT)");
      assertEquals(1, s.executeUpdate("INSERT INTO \"Mixed Case-name\" VALUES (7)"));
      assertEquals(1, count(s, "\"Mixed Case-name\""));
      assertTrue(tableNames(c).containsAll(Set.of("events", "Mixed Case-name")));

      // A table that holds only its own files is gone entirely after DROP, change data included.
      Path events = warehouse.resolve("events");
      Files.createDirectories(events.resolve("_change_data"));
      Files.writeString(
          events.resolve("_change_data/cdc-00000.c000.snappy.parquet"), "change data");
      assertTrue(
          Files.list(events.resolve("_delta_log"))
              .anyMatch(p -> p.toString().endsWith(".checkpoint.parquet")));
      s.execute("DROP TABLE events");
      assertNull(s.getWarnings(), "nothing was left, nothing to report");
      assertFalse(
          Files.exists(events, java.nio.file.LinkOption.NOFOLLOW_LINKS),
          "the table's directory is gone");
      s.execute("DROP TABLE sales.items");
      assertFalse(Files.exists(warehouse.resolve("sales/items")));
      s.execute("DROP TABLE \"Mixed Case-name\"");
      assertFalse(Files.exists(warehouse.resolve("Mixed Case-name")));
      assertEquals(1, s.executeUpdate("INSERT INTO orders VALUES (5, 'e')"));
      assertEquals(3, count(s, "orders"));
    }
  }

  @Test
  void dropLeavesFilesTheTableDoesNotOwnAndSaysSo() throws Exception {
    Path t = warehouse.resolve("mixed");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE mixed (id INT, region STRING) PARTITIONED BY (region)");
      assertEquals(2, s.executeUpdate("INSERT INTO mixed VALUES (1, 'a'), (2, 'b')"));
      Files.writeString(t.resolve("notes.txt"), "someone's notes");
      Files.writeString(t.resolve("region=a/extra.csv"), "1,2");
      s.execute("DROP TABLE mixed");
      SQLWarning w = s.getWarnings();
      assertNotNull(w, "DROP reports what it left");
      assertEquals("01000", w.getSQLState());
      assertTrue(
          w.getMessage().contains("notes.txt")
              && w.getMessage().contains("region=a/extra.csv")
              && w.getMessage().contains("left 2 entries"),
          w.getMessage());
      assertEquals(
          Set.of("notes.txt", "region=a/extra.csv"), tree(t), "only the foreign files remain");
      assertFalse(tableNames(c).contains("mixed"), "the table is gone");
      s.executeQuery("SELECT count(*) FROM orders").close();
      assertNull(s.getWarnings(), "the next execution starts without warnings");
    }
  }

  @Test
  void dropDoesNotFollowALinkedDirectoryInsideTheTable() throws Exception {
    Path t = warehouse.resolve("parts");
    Path moved = root.resolve("moved");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE parts (id INT, region STRING) PARTITIONED BY (region)");
      assertEquals(2, s.executeUpdate("INSERT INTO parts VALUES (1, 'a'), (2, 'b')"));
      // The partition directory now lives outside the warehouse, reached through a link.
      Files.move(t.resolve("region=a"), moved);
      Files.createSymbolicLink(t.resolve("region=a"), moved);
      before = DirectoryChecksum.of(root, warehouse);
      s.execute("DROP TABLE parts");
      assertNotNull(s.getWarnings());
      assertTrue(s.getWarnings().getMessage().contains("region=a"), s.getWarnings().getMessage());
    }
    assertEquals(Set.of("region=a"), tree(t), "only the link is left");
    assertEquals(1, entries(moved).size(), "the file behind the link is still there");
  }

  @Test
  void dropDeletesNothingOutsideTheTableThatItsLogNames() throws Exception {
    Path t = warehouse.resolve("forged");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE forged (id INT, name STRING)");
      assertEquals(1, s.executeUpdate("INSERT INTO forged VALUES (1, 'a')"));
      String readme = victim.resolve("README.txt").toString();
      // A hand-written commit naming files outside the table: relative, absolute and URI paths.
      Files.writeString(
          t.resolve("_delta_log/00000000000000000002.json"),
          String.join(
                  "\n",
                  "{\"remove\":{\"path\":\"../../victim/README.txt\",\"deletionTimestamp\":1,\"dataChange\":true}}",
                  "{\"remove\":{\"path\":\""
                      + readme
                      + "\",\"deletionTimestamp\":1,\"dataChange\":true}}",
                  "{\"remove\":{\"path\":\""
                      + files.resolve("notes.txt").toUri()
                      + "\",\"deletionTimestamp\":1,"
                      + "\"dataChange\":true}}")
              + "\n",
          StandardCharsets.UTF_8);
      s.execute("DROP TABLE forged");
      assertNull(s.getWarnings());
    }
    assertFalse(Files.exists(t));
  }

  @Test
  void dropDeletesTheDeletionVectorsItsLogNames() throws Exception {
    Path t = warehouse.resolve("dv");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE dv (id INT, name STRING) TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
      assertEquals(3, s.executeUpdate("INSERT INTO dv VALUES (1, 'a'), (2, 'b'), (3, 'c')"));
      assertEquals(1, s.executeUpdate("DELETE FROM dv WHERE id = 2"));
      assertTrue(
          tree(t).stream().anyMatch(f -> f.startsWith("deletion_vector_")), tree(t).toString());
      s.execute("DROP TABLE dv");
      SQLWarning w = s.getWarnings();
      assertNull(w, () -> w.getMessage());
    }
    assertFalse(Files.exists(t));
  }

  // ---- fixtures ---------------------------------------------------------------------------------

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:delta:" + warehouse);
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static void writeTable(Path dir, int rows) {
    DeltaTable t =
        DeltaTable.create(dir.toString(), DeltaTable.defaultConfiguration(), TableSpec.of(ROW));
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      out.add(Row.of(i, "row " + i));
    }
    Transaction txn = t.startTransaction();
    txn.write(out.iterator());
    txn.commit(Operation.append());
  }

  private long count(String table) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      return count(s, table);
    }
  }

  private static long count(Statement s, String table) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Set<String> tableNames(Connection c) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (ResultSet rs = c.getMetaData().getTables(null, "default", "%", null)) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME"));
      }
    }
    return out;
  }

  private static Set<String> entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }

  /** The files and links below {@code dir}, relative, not following links. */
  private static Set<String> tree(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return new TreeSet<>(
          s.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .map(p -> dir.relativize(p).toString())
              .toList());
    }
  }
}
