package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
  @TempDir static Path dir;
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
        tables.put(
            rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"),
            rs.getString("REMARKS"));
      }
    }
    assertEquals(
        Map.of(
            "default.customers",
            "null",
            "default.orders",
            "Orders by region",
            "sales.refunds",
            "null"),
        new TreeMap<>(
            tables.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> String.valueOf(e.getValue())))));
    List<String> cols = new ArrayList<>();
    int tsDigits = -1;
    try (ResultSet rs = md.getColumns(null, "default", "orders", "%")) {
      while (rs.next()) {
        cols.add(
            rs.getInt("ORDINAL_POSITION")
                + ":"
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
        if (rs.getString("COLUMN_NAME").equals("ts")) {
          tsDigits = rs.getInt("DECIMAL_DIGITS");
        }
      }
    }
    // A timestamp is as wide as its text, yyyy-mm-dd hh:mm:ss.fff..., with its fractional digits.
    assertTrue(tsDigits == 3 || tsDigits == 6, cols.toString());
    assertEquals(
        List.of(
            "1:id:" + Types.BIGINT + ":BIGINT:19:0:NO",
            "2:customer:" + Types.INTEGER + ":INTEGER:10:0:YES",
            "3:amount:" + Types.DECIMAL + ":DECIMAL:10:2:YES",
            "4:day:" + Types.DATE + ":DATE:10:0:YES",
            "5:ts:" + Types.TIMESTAMP + ":TIMESTAMP:" + (20 + tsDigits) + ":" + tsDigits + ":YES",
            "6:region:" + Types.VARCHAR + ":VARCHAR:" + Integer.MAX_VALUE + ":0:YES"),
        cols);
  }

  @Test
  void schemaCrawlerFindsEverySchemaTableAndColumn() throws Exception {
    var source =
        DatabaseConnectionSources.newDatabaseConnectionSource(
            "jdbc:delta:" + dir, new MultiUseUserCredentials("", ""));
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
                      c.getName() + " " + c.getColumnDataType().getJavaSqlType().getName()));
      found.put(t.getSchema().getName() + "." + t.getName(), columns);
    }
    assertEquals(
        List.of(
            "id BIGINT",
            "customer INTEGER",
            "amount DECIMAL",
            "day DATE",
            "ts TIMESTAMP",
            "region VARCHAR"),
        found.get("default.orders"),
        found.toString());
    assertEquals(List.of("id INTEGER", "Name VARCHAR"), found.get("default.customers"));
    assertEquals(List.of("id INTEGER", "Name VARCHAR"), found.get("sales.refunds"));
  }

  /**
   * Every Delta type, described alike by getColumns and by the ResultSetMetaData of a query: a bare
   * type name, the JDBC column size and decimal digits (unbounded strings and binaries:
   * Integer.MAX_VALUE), a display size, and searchable unless it is an array, map or struct.
   */
  @Test
  void everyTypeIsDescribedAlikeByGetColumnsAndResultSetMetaData(@TempDir Path own)
      throws SQLException {
    Warehouse.create(own);
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + own);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE alltypes (b BOOLEAN, t TINYINT, sm SMALLINT, i INT NOT NULL, l BIGINT NOT NULL, "
              + "f FLOAT, d DOUBLE, m DECIMAL(12, 2) NOT NULL, str STRING, bin BINARY, dt DATE, ts TIMESTAMP, "
              + "arr ARRAY<INT>, mp MAP<STRING, INT>, st STRUCT<a: INT>)");
      List<String> fromColumns = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getColumns(null, "default", "alltypes", "%")) {
        while (rs.next()) {
          fromColumns.add(
              rs.getString("COLUMN_NAME")
                  + " "
                  + rs.getString("TYPE_NAME")
                  + " "
                  + rs.getObject("COLUMN_SIZE")
                  + " "
                  + rs.getObject("DECIMAL_DIGITS")
                  + " "
                  + rs.getString("IS_NULLABLE"));
        }
      }
      String ts = "ts TIMESTAMP " + (20 + timestampDigits(c)) + " " + timestampDigits(c) + " YES";
      assertEquals(
          List.of(
              "b BOOLEAN 1 0 YES",
              "t TINYINT 3 0 YES",
              "sm SMALLINT 5 0 YES",
              "i INTEGER 10 0 NO",
              "l BIGINT 19 0 NO",
              "f REAL 7 null YES",
              "d DOUBLE 15 null YES",
              "m DECIMAL 12 2 NO",
              "str VARCHAR " + Integer.MAX_VALUE + " null YES",
              "bin VARBINARY " + Integer.MAX_VALUE + " null YES",
              "dt DATE 10 null YES",
              ts,
              "arr ARRAY null null YES",
              "mp MAP null null YES",
              "st ROW null null YES"),
          fromColumns);
      List<String> fromResult = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT * FROM alltypes")) {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          fromResult.add(
              md.getColumnName(i)
                  + " "
                  + md.getColumnTypeName(i)
                  + " "
                  + md.getPrecision(i)
                  + " "
                  + md.getScale(i)
                  + " "
                  + md.getColumnDisplaySize(i)
                  + " "
                  + md.isSearchable(i));
        }
      }
      int digits = timestampDigits(c);
      assertEquals(
          List.of(
              "b BOOLEAN 1 0 5 true",
              "t TINYINT 3 0 4 true",
              "sm SMALLINT 5 0 6 true",
              "i INTEGER 10 0 11 true",
              "l BIGINT 19 0 20 true",
              "f REAL 7 0 15 true",
              "d DOUBLE 15 0 24 true",
              "m DECIMAL 12 2 14 true",
              "str VARCHAR " + Integer.MAX_VALUE + " 0 " + Integer.MAX_VALUE + " true",
              "bin VARBINARY " + Integer.MAX_VALUE + " 0 " + Integer.MAX_VALUE + " true",
              "dt DATE 10 0 10 true",
              "ts TIMESTAMP " + (20 + digits) + " " + digits + " " + (20 + digits) + " true",
              "arr ARRAY 0 0 " + Integer.MAX_VALUE + " false",
              "mp MAP 0 0 " + Integer.MAX_VALUE + " false",
              "st ROW 0 0 " + Integer.MAX_VALUE + " false"),
          fromResult);
      try (PreparedStatement ps = c.prepareStatement("SELECT m, str FROM alltypes WHERE i = ?")) {
        ResultSetMetaData md = ps.getMetaData();
        assertEquals("DECIMAL", md.getColumnTypeName(1));
        assertEquals(Integer.MAX_VALUE, md.getPrecision(2), "a prepared statement's metadata too");
        assertTrue(md.isSearchable(2));
      }
      s.execute("DROP TABLE alltypes");
    }
  }

  /**
   * REMARKS is a column's comment; IS_AUTOINCREMENT and IS_GENERATEDCOLUMN say whether it is an
   * identity or a generated column, COLUMN_DEF its default (a log written by hand, as delta-spark
   * writes such columns).
   */
  @Test
  void columnCommentsDefaultsIdentityAndGeneratedColumns(@TempDir Path own) throws Exception {
    Path log = java.nio.file.Files.createDirectories(own.resolve("special/_delta_log"));
    String schema =
        "{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":["
            + "{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"long\\\",\\\"nullable\\\":false,\\\"metadata\\\":"
            + "{\\\"delta.identity.start\\\":1,\\\"delta.identity.step\\\":1,\\\"delta.identity.allowExplicitInsert\\\":false}},"
            + "{\\\"name\\\":\\\"twice\\\",\\\"type\\\":\\\"long\\\",\\\"nullable\\\":true,\\\"metadata\\\":"
            + "{\\\"delta.generationExpression\\\":\\\"id * 2\\\",\\\"comment\\\":\\\"id doubled\\\"}},"
            + "{\\\"name\\\":\\\"note\\\",\\\"type\\\":\\\"string\\\",\\\"nullable\\\":true,\\\"metadata\\\":"
            + "{\\\"CURRENT_DEFAULT\\\":\\\"'none'\\\"}}]}";
    java.nio.file.Files.writeString(
        log.resolve("00000000000000000000.json"),
        "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":6}}\n"
            + "{\"metaData\":{\"id\":\"5f1c2a6e-0000-4000-8000-000000000001\",\"format\":{\"provider\":\"parquet\","
            + "\"options\":{}},\"schemaString\":\""
            + schema
            + "\",\"partitionColumns\":[],\"configuration\":{},"
            + "\"createdTime\":1700000000000}}\n");
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + own);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE commented (id BIGINT COMMENT 'the key', note STRING)");
      List<String> rows = new ArrayList<>();
      for (String table : List.of("commented", "special")) {
        try (ResultSet rs = c.getMetaData().getColumns(null, "default", table, "%")) {
          while (rs.next()) {
            rows.add(
                table
                    + "."
                    + rs.getString("COLUMN_NAME")
                    + " remarks="
                    + rs.getString("REMARKS")
                    + " default="
                    + rs.getString("COLUMN_DEF")
                    + " auto="
                    + rs.getString("IS_AUTOINCREMENT")
                    + " generated="
                    + rs.getString("IS_GENERATEDCOLUMN"));
          }
        }
      }
      assertEquals(
          List.of(
              "commented.id remarks=the key default=null auto=NO generated=NO",
              "commented.note remarks=null default=null auto=NO generated=NO",
              "special.id remarks=null default=null auto=YES generated=NO",
              "special.twice remarks=id doubled default=null auto=NO generated=YES",
              "special.note remarks=null default='none' auto=NO generated=NO"),
          rows);
    }
  }

  private static int timestampDigits(Connection c) throws SQLException {
    try (ResultSet rs = c.getMetaData().getColumns(null, "default", "orders", "ts")) {
      assertTrue(rs.next());
      return rs.getInt("DECIMAL_DIGITS");
    }
  }

  /**
   * The catalog shows what a user has: schemas of tables (not Calcite's {@code metadata} schema and
   * its SYSTEM TABLEs), the table types getTables returns, no catalogs (as supportsCatalogsIn*
   * say), the SQL types of Delta columns, and functions one can call.
   */
  @Test
  void catalogListsOnlyWhatAUserHas() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    List<String> schemas = new ArrayList<>();
    try (ResultSet rs = md.getSchemas()) {
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM"));
      }
    }
    assertEquals(List.of("default", "sales"), schemas);
    java.util.Set<String> typesOfTables = new java.util.TreeSet<>();
    try (ResultSet rs = md.getTables(null, null, "%", null)) {
      while (rs.next()) {
        typesOfTables.add(rs.getString("TABLE_TYPE"));
        assertFalse(rs.getString("TABLE_SCHEM").equals("metadata"));
      }
    }
    java.util.Set<String> tableTypes = new java.util.TreeSet<>();
    try (ResultSet rs = md.getTableTypes()) {
      while (rs.next()) {
        tableTypes.add(rs.getString("TABLE_TYPE"));
      }
    }
    assertEquals(typesOfTables, tableTypes);
    assertEquals(java.util.Set.of("TABLE"), tableTypes);
    try (ResultSet rs = md.getCatalogs()) {
      assertFalse(rs.next(), "no catalogs");
    }
    assertFalse(
        md.supportsCatalogsInDataManipulation()
            || md.supportsCatalogsInTableDefinitions()
            || md.supportsCatalogsInIndexDefinitions()
            || md.supportsCatalogsInPrivilegeDefinitions()
            || md.supportsCatalogsInProcedureCalls());
    assertEquals(null, conn.getCatalog());
    List<String> types = new ArrayList<>();
    try (ResultSet rs = md.getTypeInfo()) {
      while (rs.next()) {
        types.add(rs.getString("TYPE_NAME"));
        if (rs.getString("TYPE_NAME").equals("VARCHAR")) {
          assertEquals(Integer.MAX_VALUE, rs.getInt("PRECISION"));
        }
      }
    }
    assertEquals(
        java.util.Set.of(
            "BOOLEAN",
            "TINYINT",
            "SMALLINT",
            "INTEGER",
            "BIGINT",
            "DECIMAL",
            "REAL",
            "DOUBLE",
            "VARCHAR",
            "VARBINARY",
            "DATE",
            "TIMESTAMP",
            "ARRAY",
            "MAP",
            "ROW"),
        new java.util.HashSet<>(types));
    List<String> functions = new ArrayList<>();
    try (ResultSet rs = md.getFunctions(null, null, "%")) {
      while (rs.next()) {
        functions.add(rs.getString("FUNCTION_NAME"));
        assertEquals(null, rs.getString("FUNCTION_SCHEM"));
      }
    }
    assertTrue(
        functions.containsAll(List.of("UPPER", "ABS", "SUBSTRING", "CURRENT_DATE")),
        functions.toString());
    assertTrue(
        functions.stream().allMatch(f -> f.matches("[A-Za-z][A-Za-z0-9_]*")), functions.toString());
    try (ResultSet rs = md.getFunctions(null, null, "UPP%")) {
      assertTrue(rs.next());
      assertEquals("UPPER", rs.getString("FUNCTION_NAME"));
      assertFalse(rs.next());
    }
  }

  /**
   * SchemaCrawler's text report prints each type once: DECIMAL(10, 2), not DECIMAL(10, 2)(10, 2),
   * and BIGINT NOT NULL, not BIGINT NOT NULL NOT NULL (it adds precision and nullability to
   * TYPE_NAME).
   */
  @Test
  void schemaCrawlerReportShowsTypesOnce() throws Exception {
    var source =
        DatabaseConnectionSources.newDatabaseConnectionSource(
            "jdbc:delta:" + dir, new MultiUseUserCredentials("", ""));
    var options =
        SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
            .withLoadOptions(
                LoadOptionsBuilder.builder()
                    .withSchemaInfoLevel(SchemaInfoLevelBuilder.standard())
                    .toOptions());
    Path report = dir.resolve("schemacrawler.txt");
    var executable = new schemacrawler.tools.executable.SchemaCrawlerExecutable("schema");
    executable.setSchemaCrawlerOptions(options);
    executable.setOutputOptions(
        schemacrawler.tools.options.OutputOptionsBuilder.newOutputOptions(
            schemacrawler.tools.command.text.schema.options.TextOutputFormat.text, report));
    executable.setDataSource(source);
    executable.execute();
    String text = java.nio.file.Files.readString(report);
    assertTrue(text.contains("DECIMAL(10, 2)"), text);
    assertTrue(text.matches("(?s).*\\bid\\s+BIGINT NOT NULL\\s.*"), text);
    assertTrue(text.contains("VARCHAR"), text);
    assertFalse(text.contains(")("), "a precision printed twice: " + text);
    assertFalse(text.contains("NOT NULL NOT NULL"), "nullability inside the type name: " + text);
    assertFalse(text.contains("metadata") || text.contains("SYSTEM TABLE"), text);
  }

  /**
   * A catalog listing reads every table's log ahead, in parallel; a column added right after it
   * through the same connection is still seen at once, by the next listing and by a query.
   */
  @Test
  void listingThenAlterThenQuerySeesTheNewColumn() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + dir);
        Statement s = c.createStatement()) {
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
