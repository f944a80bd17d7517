package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar last on a class path that already holds other versions of what it bundles, as
 * {@code spark-submit --jars} or an application server puts it: the driver loaded through that
 * class loader answers queries, writes and metadata exactly as the driver on the module's own class
 * path does (the oracle, on a copy of the same warehouse), and logs no warning and no "SLF4J:"
 * line.
 */
class StandaloneJarBesideOthersIT {
  private static final List<String> QUERIES =
      List.of(
          "SELECT region, count(*) AS n, sum(amount) AS total, min(id) AS lo FROM orders"
              + " WHERE amount > 30 AND region <> 'east' GROUP BY region ORDER BY region",
          "SELECT id, customer, amount, \"day\" FROM orders WHERE id BETWEEN 10 AND 20 ORDER BY id",
          "SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer = c.id WHERE o.id < 15 ORDER BY o.id",
          "SELECT count(*) FROM orders@v1");

  @TempDir Path dir;

  @Test
  void sparksJarsAheadOfTheJar() throws Exception {
    List<Path> spark = HostClassPath.sparkJars();
    try (URLClassLoader host = HostClassPath.withJarLast(spark)) {
      assertTrue(
          HostClassPath.origin(host, "org.apache.spark.sql.SparkSession").contains("spark-sql_"));
      assertTrue(
          HostClassPath.origin(host, "com.google.protobuf.Message").contains("protobuf-java"));
      assertTrue(
          HostClassPath.origin(host, "org.codehaus.janino.SimpleCompiler").contains("janino"));
      assertTrue(HostClassPath.origin(host, "org.slf4j.LoggerFactory").contains("slf4j-api"));
      assertTrue(
          HostClassPath.origin(host, "org.apache.calcite.jdbc.Driver").contains("calcite-core"));
      answersAsTheOracle(host);
    }
  }

  @Test
  void otherJacksonGuavaAndProtobufAheadOfTheJar() throws Exception {
    List<Path> foreign = HostClassPath.foreignJars();
    try (URLClassLoader host = HostClassPath.withJarLast(foreign)) {
      assertTrue(
          HostClassPath.origin(host, "com.google.common.collect.ImmutableList")
              .contains("guava-16.0.1"));
      assertTrue(
          HostClassPath.origin(host, "com.fasterxml.jackson.databind.ObjectMapper")
              .contains("2.18.2"));
      assertTrue(
          HostClassPath.origin(host, "com.google.protobuf.LazyStringArrayList").contains("3.19.6"));
      assertTrue(HostClassPath.origin(host, "org.slf4j.LoggerFactory").contains("slf4j-api-1.7"));
      answersAsTheOracle(host);
      // nor does the jar choose the host's XML parser (hadoop-client-runtime's service files are
      // left out)
      assertEquals(null, host.getResource("META-INF/services/javax.xml.stream.XMLInputFactory"));
    }
  }

  private void answersAsTheOracle(URLClassLoader host) throws Exception {
    Path theirs = Files.createDirectory(dir.resolve("through-host"));
    Path ours = Files.createDirectory(dir.resolve("oracle"));
    Warehouse.create(theirs);
    Warehouse.create(ours);
    List<LogRecord> warnings = Collections.synchronizedList(new ArrayList<>());
    Handler collect =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(r);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(collect);
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Thread.currentThread().setContextClassLoader(host);
    List<String> got;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Class<?> c = Class.forName("io.deltajdbc.jdbc.DeltaDriver", true, host);
      assertTrue(HostClassPath.origin(host, c.getName()).endsWith("-standalone.jar"));
      Driver driver = (Driver) c.getDeclaredConstructor().newInstance();
      try (Connection conn = driver.connect("jdbc:delta:" + theirs, new Properties())) {
        got = exercise(conn);
      }
      List<String> drivers = List.of(registeredDrivers(host).split(","));
      assertTrue(drivers.contains("io.deltajdbc.jdbc.DeltaDriver"), drivers.toString());
      assertEquals(
          List.of(),
          drivers.stream().filter(d -> d.startsWith("io.deltajdbc.shaded.")).toList(),
          "the jar registers only its own driver, not its relocated Calcite's or Avatica's");
    } finally {
      System.setErr(stderr);
      root.removeHandler(collect);
      Thread.currentThread()
          .setContextClassLoader(StandaloneJarBesideOthersIT.class.getClassLoader());
    }
    List<String> expected;
    try (Connection conn = new DeltaDriver().connect("jdbc:delta:" + ours, new Properties())) {
      expected = exercise(conn);
    }
    assertEquals(expected, got);
    String err = captured.toString(StandardCharsets.UTF_8);
    assertFalse(err.contains("SLF4J:"), err);
    assertFalse(err.contains("Exception"), err);
    assertEquals(
        List.of(), warnings.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
  }

  /** The drivers DriverManager offers to a class of the host (see {@link RegisteredDrivers}). */
  private String registeredDrivers(ClassLoader host) throws Exception {
    Path classes = dir.resolve("host-classes");
    String resource = RegisteredDrivers.class.getName().replace('.', '/') + ".class";
    Files.createDirectories(classes.resolve(resource).getParent());
    try (InputStream in = RegisteredDrivers.class.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, classes.resolve(resource));
    }
    try (URLClassLoader app = new URLClassLoader(new URL[] {classes.toUri().toURL()}, host)) {
      return (String)
          Class.forName(RegisteredDrivers.class.getName(), true, app)
              .getMethod("names")
              .invoke(null);
    }
  }

  /** Queries, a prepared query, an INSERT and metadata; every answer as text. */
  private static List<String> exercise(Connection conn) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = conn.createStatement()) {
      for (String q : QUERIES) {
        try (ResultSet rs = s.executeQuery(q)) {
          out.add(q);
          out.addAll(rows(rs));
        }
      }
      out.add(
          "inserted "
              + s.executeUpdate("INSERT INTO customers VALUES (99, 'from the host'), (98, NULL)"));
      try (ResultSet rs =
          s.executeQuery("SELECT id, name FROM customers WHERE id > 5 ORDER BY id")) {
        out.addAll(rows(rs));
      }
    }
    try (PreparedStatement p =
        conn.prepareStatement("SELECT count(*), sum(amount) FROM orders WHERE region = ?")) {
      for (String region : Warehouse.REGIONS) {
        p.setString(1, region);
        try (ResultSet rs = p.executeQuery()) {
          out.addAll(rows(rs));
        }
      }
    }
    DatabaseMetaData md = conn.getMetaData();
    try (ResultSet rs = md.getTables(null, null, "%", null)) {
      while (rs.next()) {
        out.add(
            rs.getString("TABLE_SCHEM")
                + "."
                + rs.getString("TABLE_NAME")
                + " "
                + rs.getString("TABLE_TYPE"));
      }
    }
    try (ResultSet rs = md.getColumns(null, "default", "orders", "%")) {
      while (rs.next()) {
        out.add(
            rs.getString("COLUMN_NAME")
                + " "
                + rs.getInt("DATA_TYPE")
                + " "
                + rs.getString("TYPE_NAME")
                + " "
                + rs.getInt("NULLABLE"));
      }
    }
    return out;
  }

  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder b = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        b.append(i > 1 ? "|" : "").append(rs.getString(i));
      }
      rows.add(b.toString());
    }
    return rows;
  }
}
