package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
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
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/** DatabaseMetaData as JDBC tools walk it, directly and through SchemaCrawler. */
class MetadataTest {
  @TempDir
  static Path dir;
  static Connection conn;

  @BeforeAll
  static void connect() throws SQLException {
    Warehouse.create(dir);
    conn = DriverManager.getConnection("jdbc:delta:" + dir);
  }

  @AfterAll
  static void close() throws SQLException {
    conn.close();
  }

  @Test
  void productCapabilitiesAndSchemas() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    assertEquals("Delta Lake", md.getDatabaseProductName());
    assertEquals("delta-jdbc", md.getDriverName());
    assertFalse(md.isReadOnly(), "DDL and DML are supported");
    assertFalse(conn.isReadOnly());
    assertTrue(md.supportsBatchUpdates());
    assertFalse(md.supportsTransactions(), "each statement is its own commit");
    assertEquals("\"", md.getIdentifierQuoteString());
    List<String> schemas = new ArrayList<>();
    try (ResultSet rs = md.getSchemas()) {
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM"));
      }
    }
    assertTrue(schemas.containsAll(List.of("default", "sales")), schemas.toString());
    try (ResultSet rs = md.getPrimaryKeys(null, "default", "orders")) {
      assertFalse(rs.next());
    }
  }

  @Test
  void tablesWithRemarksAndColumnsWithTypes() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    Map<String, String> tables = new TreeMap<>();
    try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.put(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"), rs.getString("REMARKS"));
      }
    }
    assertEquals(Map.of("default.customers", "null", "default.orders", "Orders by region", "sales.refunds", "null"),
        new TreeMap<>(tables.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
            e -> String.valueOf(e.getValue())))));
    List<String> cols = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, "default", "orders", "%")) {
      while (rs.next()) {
        cols.add(rs.getInt("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE") + ":"
            + rs.getInt("COLUMN_SIZE") + ":" + rs.getInt("DECIMAL_DIGITS") + ":" + rs.getString("IS_NULLABLE"));
      }
    }
    assertEquals(List.of("1:id:" + Types.BIGINT + ":19:0:NO", "2:customer:" + Types.INTEGER + ":10:0:YES",
        "3:amount:" + Types.DECIMAL + ":10:2:YES", "4:day:" + Types.DATE + ":10:0:YES",
        "5:ts:" + Types.TIMESTAMP + ":3:0:YES", "6:region:" + Types.VARCHAR + ":-1:0:YES"), cols);
  }

  @Test
  void schemaCrawlerFindsEverySchemaTableAndColumn() throws Exception {
    var source = DatabaseConnectionSources.newDatabaseConnectionSource("jdbc:delta:" + dir,
        new MultiUseUserCredentials("", ""));
    var options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions().withLoadOptions(
        LoadOptionsBuilder.builder().withSchemaInfoLevel(SchemaInfoLevelBuilder.standard()).toOptions());
    Catalog catalog = SchemaCrawlerUtility.getCatalog(source, options);
    Map<String, List<String>> found = new TreeMap<>();
    for (schemacrawler.schema.Table t : catalog.getTables()) {
      List<String> columns = new ArrayList<>();
      t.getColumns().forEach(c -> columns.add(c.getName() + " " + c.getColumnDataType().getJavaSqlType().getName()));
      found.put(t.getSchema().getName() + "." + t.getName(), columns);
    }
    assertEquals(List.of("id BIGINT", "customer INTEGER", "amount DECIMAL", "day DATE", "ts TIMESTAMP",
        "region VARCHAR"), found.get("default.orders"), found.toString());
    assertEquals(List.of("id INTEGER", "Name VARCHAR"), found.get("default.customers"));
    assertEquals(List.of("id INTEGER", "Name VARCHAR"), found.get("sales.refunds"));
  }

  /**
   * A catalog listing reads every table's log ahead, in parallel; a column added right after it
   * through the same connection is still seen at once, by the next listing and by a query.
   */
  @Test
  void listingThenAlterThenQuerySeesTheNewColumn() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + dir); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE wide1 (id BIGINT)");
      s.execute("CREATE TABLE wide2 (id BIGINT)");
      s.execute("INSERT INTO wide1 VALUES (1)");
      assertEquals(List.of("id"), columns(c, "wide1"));
      s.execute("ALTER TABLE wide1 ADD COLUMNS (note STRING)");
      s.execute("INSERT INTO wide1 VALUES (2, 'two')");
      try (ResultSet rs = s.executeQuery("SELECT id, note FROM wide1 ORDER BY id")) {
        assertTrue(rs.next());
        assertEquals(null, rs.getString(2));
        assertTrue(rs.next());
        assertEquals("two", rs.getString(2));
      }
      assertEquals(List.of("id", "note"), columns(c, "wide1"));
      s.execute("DROP TABLE wide1");
      s.execute("DROP TABLE wide2");
    }
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, "default", "wide%", "%")) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equals(table)) {
          out.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    return out;
  }
}
