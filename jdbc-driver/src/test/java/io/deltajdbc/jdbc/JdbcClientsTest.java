package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/**
 * Real JDBC clients from Maven Central over the driver, checked for what their user sees: jOOQ's
 * meta API and a {@code limit()} it binds as a Long, a HikariCP pool with its default settings, and
 * a sqlline session run from a script (SchemaCrawler is in {@link MetadataTest}).
 */
class JdbcClientsTest {
  @TempDir static Path dir;
  static Connection conn;

  @BeforeAll
  static void setUp() throws SQLException {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    // Hikari validates a connection it hands out when it was idle longer than this: every time,
    // here.
    System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
    Warehouse.create(dir);
    conn = DriverManager.getConnection("jdbc:delta:" + dir);
  }

  @AfterAll
  static void close() throws SQLException {
    conn.close();
  }

  @Test
  void jooqMetaSeesTheSchemasTablesAndColumnTypes() {
    DSLContext ctx = DSL.using(conn);
    List<String> schemas = new ArrayList<>();
    for (Schema s : ctx.meta().getSchemas()) {
      schemas.add(s.getName());
    }
    assertEquals(List.of("default", "sales"), schemas, "no Calcite metadata schema");
    Map<String, String> columns = new TreeMap<>();
    Table<?> orders = ctx.meta().getTables("orders").get(0);
    for (Field<?> f : orders.fields()) {
      var t = f.getDataType();
      columns.put(
          f.getName(),
          t.getSQLDataType().getTypeName()
              + (t.hasPrecision()
                  ? "(" + t.precision() + (t.hasScale() ? "," + t.scale() : "") + ")"
                  : "")
              + (t.nullable() ? "" : " not null"));
    }
    assertEquals(SQLDataType.BIGINT, orders.field("id").getDataType().getSQLDataType());
    assertFalse(orders.field("id").getDataType().nullable());
    assertTrue(orders.field("amount").getDataType().isDecimal(), columns.toString());
    assertEquals(10, orders.field("amount").getDataType().precision(), columns.toString());
    assertEquals(2, orders.field("amount").getDataType().scale(), columns.toString());
    assertEquals(SQLDataType.INTEGER, orders.field("customer").getDataType().getSQLDataType());
    assertEquals(SQLDataType.DATE, orders.field("day").getDataType().getSQLDataType());
    assertEquals(
        SQLDataType.TIMESTAMP.getSQLType(),
        orders.field("ts").getDataType().getSQLType(),
        columns.toString());
    assertEquals(
        SQLDataType.VARCHAR,
        orders.field("region").getDataType().getSQLDataType(),
        columns.toString());
    List<String> tables = new ArrayList<>();
    ctx.meta().getTables().forEach(t -> tables.add(t.getSchema().getName() + "." + t.getName()));
    assertEquals(
        List.of("default.customers", "default.orders", "sales.refunds"),
        tables.stream().sorted().toList());
  }

  /** jOOQ binds LIMIT and OFFSET as Long parameters. */
  @Test
  void jooqLimitAndOffset() {
    DSLContext ctx = DSL.using(conn);
    Result<Record> two = ctx.selectFrom(DSL.table("orders")).limit(2).fetch();
    assertEquals(2, two.size());
    Result<Record> page =
        ctx.selectFrom(DSL.table("orders")).orderBy(DSL.field("id")).limit(3).offset(10).fetch();
    assertEquals(List.of(10L, 11L, 12L), page.getValues("id", Long.class));
    assertEquals(10, ctx.fetchCount(DSL.table("customers")));
  }

  @Test
  void hikariPoolWithDefaultSettings() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:delta:" + dir);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      for (int i = 0; i < 5; i++) {
        try (Connection c = pool.getConnection();
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*) FROM orders WHERE customer = " + i)) {
          assertTrue(c.getAutoCommit());
          assertTrue(rs.next());
          assertEquals(10, rs.getLong(1));
          // what an application may change before it hands the connection back; the pool resets it
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          c.setReadOnly(i % 2 == 0);
          c.commit();
          c.rollback();
        }
      }
      try (Connection c = pool.getConnection()) {
        // Hikari evicts a connection that raised SQLSTATE 0A000 (as on PostgreSQL); the pool goes
        // on.
        assertEquals(
            "0A000", assertThrows(SQLException.class, () -> c.setAutoCommit(false)).getSQLState());
      }
      try (Connection c = pool.getConnection()) {
        assertTrue(c.isValid(5));
        assertTrue(c.getAutoCommit());
        assertFalse(c.isReadOnly(), "reset when it came back to the pool");
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE pooled (id BIGINT)");
          assertEquals(2, s.executeUpdate("INSERT INTO pooled VALUES (1), (2)"));
          s.execute("DROP TABLE pooled");
        }
      }
      assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
    }
  }

  /** A pool configured for manual commits fails at once, and says why. */
  @Test
  void hikariPoolWithoutAutoCommitSaysWhyItCannotStart() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:delta:" + dir);
    config.setAutoCommit(false);
    HikariPool.PoolInitializationException e =
        assertThrows(
            HikariPool.PoolInitializationException.class,
            () -> new HikariDataSource(config).close());
    assertTrue(e.getMessage().contains("every statement is its own Delta commit"), e.getMessage());
  }

  @Test
  void sqllineRunsAScriptWithoutWarningsOrStackTraces() throws Exception {
    Path script =
        Files.writeString(
            dir.resolve("script.sql"),
            String.join(
                "\n",
                "!set outputformat csv",
                "SELECT id, region FROM orders ORDER BY id LIMIT 3;",
                "!tables",
                "!columns customers",
                "SELECT count(*) AS n FROM customers;",
                ""));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SqlLine sqlline = new SqlLine();
    sqlline.setOutputStream(new PrintStream(out, true, StandardCharsets.UTF_8));
    sqlline.setErrorStream(new PrintStream(out, true, StandardCharsets.UTF_8));
    SqlLine.Status status =
        sqlline.begin(
            new String[] {"-u", "jdbc:delta:" + dir, "-n", "", "-p", "", "--run=" + script},
            null,
            false);
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(SqlLine.Status.OK, status, text);
    assertTrue(
        text.contains("'0','north'") && text.contains("'1','south'") && text.contains("'2','east'"),
        text);
    assertTrue(text.contains("'n'") && text.contains("'10'"), text);
    assertTrue(text.contains("'orders'") && text.contains("'refunds'"), text);
    assertTrue(text.contains("'Name'") && text.contains("'VARCHAR'"), text);
    assertFalse(text.contains("metadata") || text.contains("SYSTEM TABLE"), text);
    assertFalse(text.contains("not supported"), text);
    assertFalse(text.contains("Exception") || text.contains("\tat "), text);
  }
}
