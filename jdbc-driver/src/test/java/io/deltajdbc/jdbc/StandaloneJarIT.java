package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar on its own: loaded by a class loader that sees nothing but the jar and the
 * JDK, as DBeaver's "add driver jar" or {@code java -cp} would; it connects and queries.
 */
class StandaloneJarIT {
  @TempDir Path dir;

  @Test
  void theJarAloneConnectsAndQueries() throws Exception {
    Path jar;
    try (Stream<Path> files =
        Files.list(Paths.get(System.getProperty("deltajdbc.target.dir", "target")))) {
      jar =
          files
              .filter(p -> p.getFileName().toString().endsWith("-standalone.jar"))
              .findFirst()
              .orElseThrow();
    }
    Warehouse.create(dir);
    try (URLClassLoader isolated =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> c = Class.forName("io.deltajdbc.jdbc.DeltaDriver", true, isolated);
      assertEquals(
          isolated, c.getClassLoader(), "the driver comes from the jar, not the test class path");
      Driver driver = (Driver) c.getDeclaredConstructor().newInstance();
      Thread.currentThread().setContextClassLoader(isolated);
      try (Connection conn = driver.connect("jdbc:delta:" + dir, new Properties());
          Statement s = conn.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT region, count(*) FROM orders GROUP BY region ORDER BY region")) {
        assertNotNull(conn);
        int groups = 0;
        while (rs.next()) {
          assertEquals(20, rs.getLong(2));
          groups++;
        }
        assertEquals(5, groups);
        assertTrue(conn.getMetaData().getDatabaseProductName().contains("Delta"));
        // Writes without Spark work from the jar alone; DML that needs Spark says what is missing.
        assertEquals(1, s.executeUpdate("INSERT INTO customers VALUES (99, 'from the jar')"));
        java.sql.SQLException noSpark =
            org.junit.jupiter.api.Assertions.assertThrows(
                java.sql.SQLException.class,
                () -> s.executeUpdate("DELETE FROM customers WHERE id = 99"));
        assertEquals("0A000", noSpark.getSQLState(), noSpark.getMessage());
        assertTrue(noSpark.getMessage().contains("Spark"), noSpark.getMessage());
      } finally {
        Thread.currentThread().setContextClassLoader(StandaloneJarIT.class.getClassLoader());
      }
    }
    assertTrue(new File(jar.toString()).length() > 1_000_000, "a self-contained jar");
  }
}
