package io.deltajdbc.tools.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemacrawler.schema.Catalog;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import sqlline.SqlLine;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/**
 * Clients of a delta-server process (Avatica's remote driver, sqlline, SchemaCrawler) see what the
 * local driver sees over the same warehouse: rows, time travel, metadata; and DML through the
 * server (on its Spark backend) does what it does locally.
 */
class RemoteClientsTest {
  @TempDir static Path dir;
  static Path warehouse;
  static DeltaServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    warehouse = Files.createDirectories(dir.resolve("wh"));
    try (Connection c = local();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE orders (id BIGINT, customer INT, amount DECIMAL(10,2), dt DATE,"
              + " ts TIMESTAMP, region STRING) PARTITIONED BY (region)");
      s.execute(
          "INSERT INTO orders VALUES (1, 10, 12.50, DATE '2024-01-31', TIMESTAMP '2024-01-31"
              + " 12:00:00.123456', 'north'), (2, 11, 7.25, DATE '1969-12-31', TIMESTAMP"
              + " '1969-12-31 23:59:59.5', 'south')");
      s.execute(
          "INSERT INTO orders VALUES (3, 10, 100.00, DATE '2024-02-01', NULL, 'north'),"
              + " (4, 12, NULL, NULL, TIMESTAMP '2024-02-01 00:00:00', 'east')");
      s.execute("CREATE TABLE customers (id INT, name STRING)");
      s.execute("INSERT INTO customers VALUES (10, 'Ada'), (11, 'Bo'), (12, 'Cy')");
      for (String side : List.of("remote", "local")) {
        s.execute("CREATE TABLE dml_" + side + " (id INT, v STRING, n BIGINT)");
        s.execute("INSERT INTO dml_" + side + " VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)");
      }
    }
    server =
        DeltaServerProcess.start(
            dir.resolve("server.log"), "2g", List.of(warehouse.toString(), "--port", "0"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static Connection local() throws SQLException {
    return DriverManager.getConnection("jdbc:delta:" + warehouse);
  }

  static Connection remote() throws SQLException {
    return DriverManager.getConnection(server.url());
  }

  @Test
  void remoteRowsAreTheLocalDriversRows() throws Exception {
    List<String> queries =
        List.of(
            "SELECT * FROM orders ORDER BY id",
            "SELECT region, count(*) AS n, sum(amount) AS total FROM orders GROUP BY region"
                + " ORDER BY region",
            "SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer = c.id ORDER BY o.id",
            "SELECT id, amount FROM orders@v1 ORDER BY id",
            "SELECT count(*) FROM orders VERSION AS OF 0",
            "SELECT id FROM orders WHERE dt < DATE '1970-01-01'");
    try (Connection r = remote();
        Connection l = local()) {
      for (String q : queries) {
        assertEquals(rows(l, q), rows(r, q), q);
      }
      try (ResultSet rs = r.createStatement().executeQuery("SELECT ts FROM orders WHERE id = 1")) {
        rs.next();
        assertEquals("2024-01-31 12:00:00.123", rs.getString(1), "milliseconds reach the client");
      }
      String p = "SELECT id, region FROM orders WHERE customer = ? AND amount > ? ORDER BY id";
      assertEquals(prepared(l, p), prepared(r, p), p);
      assertEquals(List.of("1|north", "3|north"), prepared(r, p));
    }
  }

  @Test
  void dmlThroughTheServerDoesWhatItDoesLocally() throws Exception {
    List<String> statements =
        List.of(
            "INSERT INTO %s VALUES (4, 'd', 40), (5, 'e', 50)",
            "UPDATE %s SET n = n + 1, v = upper(v) WHERE id >= 2 AND id < 5",
            "DELETE FROM %s WHERE id = 1",
            "MERGE INTO %s t USING (SELECT 5 AS id, 'x' AS v UNION ALL SELECT 6, 'y') s ON t.id ="
                + " s.id WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v,"
                + " n) VALUES (s.id, s.v, 0)");
    try (Connection r = remote();
        Connection l = local();
        Statement rs = r.createStatement();
        Statement ls = l.createStatement()) {
      for (String s : statements) {
        assertEquals(
            ls.executeUpdate(s.formatted("dml_local")),
            rs.executeUpdate(s.formatted("dml_remote")),
            s);
      }
      assertEquals(
          rows(l, "SELECT * FROM dml_local ORDER BY id"),
          rows(r, "SELECT * FROM dml_remote ORDER BY id"));
      assertEquals(
          rows(l, "SELECT id, v, n FROM dml_local ORDER BY id"),
          rows(l, "SELECT id, v, n FROM dml_remote ORDER BY id"),
          "the server's commits read locally");
      assertEquals(
          List.of("2|B|21", "3|C|31", "4|D|41", "5|x|50", "6|y|0"),
          rows(r, "SELECT id, v, n FROM dml_remote ORDER BY id"));
      assertEquals(
          rows(l, "SELECT version, operation FROM \"dml_local$history\" ORDER BY version"),
          rows(r, "SELECT version, operation FROM \"dml_remote$history\" ORDER BY version"));
    }
  }

  @Test
  void metadataIsTheLocalDriversMetadata() throws Exception {
    try (Connection r = remote();
        Connection l = local()) {
      assertEquals(columns(l.getMetaData()), columns(r.getMetaData()));
      assertEquals(tables(l.getMetaData()), tables(r.getMetaData()));
      ResultSetMetaData lm = l.createStatement().executeQuery("SELECT * FROM orders").getMetaData();
      ResultSetMetaData rm = r.createStatement().executeQuery("SELECT * FROM orders").getMetaData();
      assertEquals(lm.getColumnCount(), rm.getColumnCount());
      for (int i = 1; i <= lm.getColumnCount(); i++) {
        assertEquals(lm.getColumnName(i), rm.getColumnName(i));
        assertEquals(lm.getColumnType(i), rm.getColumnType(i), lm.getColumnName(i));
        if (lm.getColumnType(i) == Types.TIMESTAMP) {
          assertEquals(3, rm.getScale(i), "a remote timestamp has the wire's milliseconds");
        } else {
          assertEquals(lm.getPrecision(i), rm.getPrecision(i), lm.getColumnName(i));
          assertEquals(lm.getScale(i), rm.getScale(i), lm.getColumnName(i));
        }
      }
    }
  }

  @Test
  void schemaCrawlerWalksTheSameCatalogRemotely() throws Exception {
    assertEquals(crawl("jdbc:delta:" + warehouse), crawl(server.url()));
    assertTrue(crawl(server.url()).containsKey("default.orders"));
  }

  @Test
  void sqllineRunsAScriptThroughTheServer() throws Exception {
    Path script =
        Files.writeString(
            dir.resolve("script.sql"),
            String.join(
                "\n",
                "!set outputformat csv",
                "SELECT id, region FROM orders ORDER BY id LIMIT 2;",
                "SELECT count(*) AS n FROM orders@v1;",
                "!tables",
                ""));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SqlLine sqlline = new SqlLine();
    sqlline.setOutputStream(new PrintStream(out, true, StandardCharsets.UTF_8));
    sqlline.setErrorStream(new PrintStream(out, true, StandardCharsets.UTF_8));
    SqlLine.Status status =
        sqlline.begin(
            new String[] {"-u", server.url(), "-n", "", "-p", "", "--run=" + script}, null, false);
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(SqlLine.Status.OK, status, text);
    assertTrue(text.contains("'1','north'") && text.contains("'2','south'"), text);
    assertTrue(text.contains("'n'") && text.contains("'2'"), text);
    assertTrue(text.contains("'orders'") && text.contains("'customers'"), text);
    assertFalse(text.contains("Exception"), text);
  }

  @Test
  void healthAndAccessLogSayWhatRanButNoParameterValue() throws Exception {
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    try (Connection r = remote();
        PreparedStatement ps =
            r.prepareStatement("SELECT count(*) FROM customers WHERE name = ?")) {
      ps.setString(1, "secret-parameter-value");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(0, rs.getInt(1));
      }
    }
    List<String> log = server.accessLog();
    assertTrue(
        log.stream()
            .anyMatch(
                l ->
                    l.contains("\"event\":\"statement\"")
                        && l.contains("\"user\":\"local\"")
                        && l.contains("\"kind\":\"SELECT\"")
                        && l.contains("\"tables\":[\"customers\"]")
                        && l.contains("\"rows\":1")
                        && l.contains("\"outcome\":\"ok\"")),
        String.join("\n", log));
    assertFalse(server.output().contains("secret-parameter-value"));
  }

  static List<String> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<String> prepared(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, 10);
      ps.setBigDecimal(2, new java.math.BigDecimal("1.00"));
      try (ResultSet rs = ps.executeQuery()) {
        return rows(rs);
      }
    }
  }

  static List<String> rows(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        sb.append(i == 1 ? "" : "|");
        if (rs.getMetaData().getColumnType(i) == Types.TIMESTAMP) {
          // Avatica's wire carries a timestamp's milliseconds: compare what both sides can show
          Timestamp t = rs.getTimestamp(i);
          sb.append(t == null ? null : t.toInstant().truncatedTo(ChronoUnit.MILLIS));
        } else {
          sb.append(rs.getString(i));
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static List<String> columns(DatabaseMetaData md) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, null, "orders", null)) {
      while (rs.next()) {
        out.add(
            rs.getString("TABLE_SCHEM")
                + "."
                + rs.getString("TABLE_NAME")
                + "."
                + rs.getString("COLUMN_NAME")
                + ":"
                + rs.getInt("DATA_TYPE")
                + ":"
                + rs.getString("TYPE_NAME")
                + ":"
                + rs.getInt("COLUMN_SIZE")
                + ":"
                + rs.getInt("DECIMAL_DIGITS")
                + ":"
                + rs.getString("IS_NULLABLE"));
      }
    }
    return out;
  }

  private static List<String> tables(DatabaseMetaData md) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, null, "%", null)) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
      }
    }
    return out;
  }

  private static Map<String, List<String>> crawl(String url) throws Exception {
    var source =
        DatabaseConnectionSources.newDatabaseConnectionSource(
            url, new MultiUseUserCredentials("", ""));
    var options =
        SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
            .withLoadOptions(
                LoadOptionsBuilder.builder()
                    .withSchemaInfoLevel(SchemaInfoLevelBuilder.standard())
                    .toOptions());
    Catalog catalog = SchemaCrawlerUtility.getCatalog(source, options);
    Map<String, List<String>> found = new TreeMap<>();
    for (schemacrawler.schema.Table t : catalog.getTables()) {
      List<String> columns = new ArrayList<>();
      t.getColumns()
          .forEach(
              c ->
                  columns.add(
                      c.getName()
                          + " "
                          + c.getColumnDataType().getJavaSqlType().getName()
                          + " "
                          + c.getSize()));
      found.put(t.getSchema().getName() + "." + t.getName(), columns);
    }
    return found;
  }
}
