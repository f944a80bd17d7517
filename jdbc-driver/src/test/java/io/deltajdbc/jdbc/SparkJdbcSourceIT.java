package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark reads Delta tables through its JDBC data source with the standalone jar last on its class
 * path: a local SparkSession in a child JVM ({@link SparkJdbcReads}) reads {@code dbtable}, a
 * {@code query}, and a read partitioned on a numeric column, and runs an UPDATE through the driver
 * on the application's SparkSession; the rows are those the driver on this module's class path
 * returns (the oracle), and the child's output holds no "SLF4J:" line, no exception and no warning
 * of the driver.
 */
class SparkJdbcSourceIT {
  static final String UPDATE = "UPDATE orders SET amount = amount * 2 WHERE region = 'north'";
  static final String QUERY =
      "SELECT region, count(*) AS n, sum(amount) AS total FROM orders WHERE id >= 50 GROUP BY region";

  @TempDir Path dir;

  @Test
  void sparkReadsThroughTheJarLastOnItsClassPath() throws Exception {
    Path warehouse = Files.createDirectory(dir.resolve("wh"));
    Warehouse.create(warehouse);
    // the oracle, before the child changes the table
    List<String> expected = new ArrayList<>();
    boolean autoCommit;
    try (Connection conn = new DeltaDriver().connect("jdbc:delta:" + warehouse, new Properties());
        Statement s = conn.createStatement()) {
      autoCommit = conn.getAutoCommit();
      String all = "SELECT id, customer, amount, \"day\", region FROM orders ORDER BY id";
      expected.addAll(rows(s, "dbtable", all));
      expected.addAll(rows(s, "query", QUERY + " ORDER BY region"));
      expected.addAll(rows(s, "partitioned", all));
      expected.addAll(
          rows(
              s,
              "filtered",
              "SELECT id FROM orders WHERE amount > 100 AND region = 'north' ORDER BY id"));
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM orders WHERE region = 'north'")) {
        rs.next();
        expected.add("UPDATED " + rs.getLong(1));
      }
      // what the UPDATE leaves is what a SELECT of its expression shows
      expected.addAll(
          rows(
              s,
              "updated",
              "SELECT id, CASE WHEN region = 'north' THEN amount * 2 ELSE amount END FROM orders ORDER BY id"));
    }
    Path classes = dir.resolve("app-classes");
    String resource = SparkJdbcReads.class.getName().replace('.', '/') + ".class";
    Files.createDirectories(classes.resolve(resource).getParent());
    try (InputStream in = SparkJdbcReads.class.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, classes.resolve(resource));
    }
    List<String> classPath = new ArrayList<>();
    HostClassPath.sparkJars().forEach(p -> classPath.add(p.toString()));
    classPath.add(classes.toString());
    classPath.add(HostClassPath.standaloneJar().toString());
    classPath.add(
        HostClassPath.sparkBackendJar().toString()); // DML needs the backend beside the jar
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect"))
        .forEach(command::add);
    command.add("-Duser.timezone=UTC");
    command.addAll(
        List.of(
            "-cp",
            String.join(File.pathSeparator, classPath),
            SparkJdbcReads.class.getName(),
            "jdbc:delta:" + warehouse,
            dir.resolve("spark-warehouse").toString()));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process child =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    // a guard against a hung child, not a measure
    boolean ended = child.waitFor(15, TimeUnit.MINUTES);
    if (!ended) {
      child.destroyForcibly();
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    String both = "stdout:\n" + stdout + "\nstderr:\n" + stderr;
    assertTrue(ended, both);
    assertEquals(0, child.exitValue(), both);

    List<String> got =
        stdout.lines().filter(l -> l.startsWith("ROW ") || l.startsWith("UPDATED ")).toList();
    assertEquals(expected, got, both);
    assertTrue(stdout.contains("PARTITIONS 4"), both);
    assertTrue(
        stdout.contains(
            "SCHEMA dbtable struct<id:bigint,customer:int,amount:decimal(10,2),day:date,"
                + "ts:timestamp,region:string>"),
        both);

    List<String> bad = new ArrayList<>();
    for (List<String> event : events(stderr)) {
      // Spark commits a read's connection unless it is in auto-commit mode; a connection that does
      // not say it is (the driver before its auto-commit work) gets that warning, and only then.
      if (!autoCommit && event.get(0).contains("WARN JDBCRDD: Exception committing transaction")) {
        continue;
      }
      event.stream()
          .filter(
              l ->
                  l.startsWith("SLF4J:")
                      || l.contains("Exception")
                      || l.startsWith("\tat ")
                      || l.startsWith("WARNING:")
                      || l.startsWith("SEVERE:")
                      || (l.contains("deltajdbc")
                          && (l.contains(" WARN ") || l.contains(" ERROR "))))
          .forEach(bad::add);
    }
    assertEquals(List.of(), bad, stderr);
  }

  /**
   * Log output as events: a line that starts with Spark's date ({@code 26/12/02 02:19:09}) and the
   * lines after it.
   */
  private static List<List<String>> events(String log) {
    List<List<String>> events = new ArrayList<>();
    for (String line : log.lines().toList()) {
      if (events.isEmpty() || line.matches("^\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d .*")) {
        events.add(new ArrayList<>());
      }
      events.get(events.size() - 1).add(line);
    }
    return events;
  }

  private static List<String> rows(Statement s, String label, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          values.add(
              String.valueOf(
                  rs.getObject(i) instanceof java.math.BigDecimal d
                      ? d.toPlainString()
                      : rs.getString(i)));
        }
        rows.add("ROW " + label + " " + String.join("|", values));
      }
    }
    return rows;
  }
}
