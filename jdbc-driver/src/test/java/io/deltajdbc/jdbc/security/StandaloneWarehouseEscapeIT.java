package io.deltajdbc.jdbc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse-escape attacks once more through the standalone jar alone (a class loader that sees
 * nothing but the jar and the JDK, as a JDBC client loads it): the shaded driver refuses paths as
 * names with the same SQLStates, and nothing beside the warehouse changes.
 */
class StandaloneWarehouseEscapeIT {
  @TempDir Path root;

  @Test
  void theJarAloneRefusesPathsAsNames() throws Exception {
    Path jar;
    try (Stream<Path> files =
        Files.list(Paths.get(System.getProperty("deltajdbc.target.dir", "target")))) {
      jar =
          files
              .filter(p -> p.getFileName().toString().endsWith("-standalone.jar"))
              .findFirst()
              .orElseThrow();
    }
    Path warehouse = Files.createDirectory(root.resolve("wh"));
    Path victim = root.resolve("victim");
    Path files = Files.createDirectories(root.resolve("files"));
    Files.writeString(files.resolve("notes.txt"), "not a table");
    DirectoryChecksum before;
    try (URLClassLoader isolated =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> c = Class.forName("io.deltajdbc.jdbc.DeltaDriver", true, isolated);
      assertEquals(
          isolated, c.getClassLoader(), "the driver comes from the jar, not the test class path");
      Driver driver = (Driver) c.getDeclaredConstructor().newInstance();
      Thread.currentThread().setContextClassLoader(isolated);
      try {
        // The victim is a Delta table beside the warehouse, written by the jar's own driver.
        try (Connection conn = driver.connect("jdbc:delta:" + root, new Properties());
            Statement s = conn.createStatement()) {
          s.execute("CREATE TABLE victim (id INT, name STRING)");
          assertEquals(2, s.executeUpdate("INSERT INTO victim VALUES (1, 'a'), (2, 'b')"));
        }
        Files.writeString(victim.resolve("README.txt"), "the victim's own notes");
        before = DirectoryChecksum.of(root, warehouse);
        try (Connection conn = driver.connect("jdbc:delta:" + warehouse, new Properties());
            Statement s = conn.createStatement()) {
          for (String name : List.of("../victim", victim.toString(), "file:" + victim, ".")) {
            String q = "\"" + name + "\"";
            for (String sql :
                List.of(
                    "DROP TABLE " + q,
                    "DROP TABLE IF EXISTS " + q,
                    "SELECT * FROM " + q,
                    "CREATE TABLE " + q + " (id INT)",
                    "INSERT INTO " + q + " VALUES (3, 'c')",
                    "TRUNCATE TABLE " + q)) {
              SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
              assertEquals("42602", e.getSQLState(), sql + ": " + e.getMessage());
            }
          }
          SQLException abs =
              assertThrows(
                  SQLException.class, () -> s.execute("CREATE TABLE \"" + files + "\" (id INT)"));
          assertEquals("42602", abs.getSQLState(), abs.getMessage());
          // Legitimate use from the jar: create, insert, read, and a DROP that reports a foreign
          // file.
          s.execute("CREATE TABLE mine (id INT)");
          assertEquals(1, s.executeUpdate("INSERT INTO mine VALUES (1)"));
          try (ResultSet rs = s.executeQuery("SELECT count(*) FROM mine")) {
            rs.next();
            assertEquals(1, rs.getLong(1));
          }
          Files.writeString(warehouse.resolve("mine/keep.txt"), "mine");
          s.execute("DROP TABLE mine");
          assertNotNull(s.getWarnings(), "DROP reports the file it left");
          assertTrue(
              s.getWarnings().getMessage().contains("keep.txt"), s.getWarnings().getMessage());
        }
      } finally {
        Thread.currentThread()
            .setContextClassLoader(StandaloneWarehouseEscapeIT.class.getClassLoader());
      }
    }
    assertEquals(
        before, DirectoryChecksum.of(root, warehouse), "files outside the warehouse changed");
    assertEquals(
        List.of("keep.txt"),
        Files.list(warehouse.resolve("mine")).map(p -> p.getFileName().toString()).toList());
  }
}
