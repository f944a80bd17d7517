package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.testing.SparkOracle;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DDL and INSERT through plain JDBC, each checked by delta-spark reading the table: rows, schema,
 * partitioning, properties and the operation names of the history.
 */
class DdlAndInsertTest {
  @TempDir Path dir;

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:delta:" + dir);
  }

  private static List<String> spark(String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : SparkOracle.spark().sql(sql).collectAsList()) {
      out.add(r.mkString("|"));
    }
    return out;
  }

  private List<String> history(String table) {
    return SparkOracle.spark()
        .sql("DESCRIBE HISTORY " + delta(table))
        .select("operation")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  private String delta(String table) {
    return "delta.`" + dir.resolve(table) + "`";
  }

  @Test
  void createInsertAndReadBackWithDeltaSpark() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(
          0,
          s.executeUpdate(
              "CREATE TABLE events (id BIGINT NOT NULL, name STRING COMMENT 'who', "
                  + "amount DECIMAL(10,2), event_day DATE, ts TIMESTAMP, tags ARRAY<STRING>, attrs MAP<STRING, INT>, "
                  + "info STRUCT<a: INT, b: STRING>, region STRING) USING DELTA PARTITIONED BY (region) "
                  + "COMMENT 'Events' TBLPROPERTIES ('delta.checkpointInterval' = '5', 'owner' = 'tests')"));
      assertEquals(
          3,
          s.executeUpdate(
              "INSERT INTO events VALUES "
                  + "(1, 'a', 1.50, DATE '2024-01-01', TIMESTAMP '2024-01-01 10:00:00', ARRAY['x', 'y'], MAP['k', 1], "
                  + "ROW(1, 'b'), 'north'), "
                  + "(2, 'b', 2.25, DATE '2024-01-02', TIMESTAMP '2024-01-02 11:30:00', ARRAY['z'], MAP['k', 2], "
                  + "ROW(2, 'c'), 'south'), "
                  + "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'north')"));
      assertEquals(
          2,
          s.executeUpdate(
              "INSERT INTO events (id, name, region) SELECT id + 10, name, region "
                  + "FROM events WHERE amount IS NOT NULL"));
    }
    assertEquals(
        List.of(
            "1|a|1.50|2024-01-01|2024-01-01T10:00:00Z|[x, y]|{k -> 1}|[1,b]|north",
            "2|b|2.25|2024-01-02|2024-01-02T11:30:00Z|[z]|{k -> 2}|[2,c]|south",
            "3|null|null|null|null|null|null|null|north",
            "11|a|null|null|null|null|null|null|north",
            "12|b|null|null|null|null|null|null|south"),
        spark(
                "SELECT id, name, amount, event_day, ts, concat('[', array_join(tags, ', '), ']'), "
                    + "CASE WHEN attrs IS NULL THEN NULL ELSE concat('{k -> ', attrs['k'], '}') END, info, region FROM "
                    + delta("events")
                    + " ORDER BY id")
            .stream()
            .map(r -> r.replace("[null]", "null"))
            .toList());
    assertEquals(
        List.of("region"),
        SparkOracle.spark()
            .sql("DESCRIBE DETAIL " + delta("events"))
            .select("partitionColumns")
            .collectAsList()
            .get(0)
            .getList(0));
    assertEquals(
        List.of("Events"),
        SparkOracle.spark()
            .sql("DESCRIBE DETAIL " + delta("events"))
            .select("description")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList());
    assertEquals(List.of("WRITE", "WRITE", "CREATE TABLE"), history("events"));
    java.util.Map<Object, Object> props =
        SparkOracle.spark()
            .sql("DESCRIBE DETAIL " + delta("events"))
            .select("properties")
            .collectAsList()
            .get(0)
            .getJavaMap(0);
    assertEquals("tests", props.get("owner"), props.toString());
    assertEquals("5", props.get("delta.checkpointInterval"), props.toString());
    var sparkSchema =
        SparkOracle.spark().read().format("delta").load(dir.resolve("events").toString()).schema();
    assertFalse(sparkSchema.apply("id").nullable());
    assertEquals("who", sparkSchema.apply("name").getComment().get());
  }

  @Test
  void createTableAsSelectFromATimeTravelledVersion() throws Exception {
    Warehouse.create(dir);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(
          50,
          s.executeUpdate(
              "CREATE TABLE early PARTITIONED BY (region) AS "
                  + "SELECT id, amount, region FROM orders VERSION AS OF 2"));
      try (ResultSet rs = s.executeQuery("SELECT count(*), sum(amount) FROM early")) {
        rs.next();
        assertEquals(50, rs.getLong(1));
      }
    }
    assertEquals(
        List.of("50|1837.50"), spark("SELECT count(*), sum(amount) FROM " + delta("early")));
    assertEquals(
        List.of("50|1837.50"),
        spark("SELECT count(*), sum(amount) FROM " + delta("orders") + " VERSION AS OF 2"));
  }

  @Test
  void batchOfManyRowsIsOneCommit() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, name STRING, price DOUBLE)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
        for (int i = 0; i < 1000; i++) {
          ps.setInt(1, i);
          ps.setString(2, "n" + i);
          ps.setDouble(3, i / 4.0);
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        assertEquals(1000, counts.length);
        assertTrue(Arrays.stream(counts).allMatch(n -> n == 1));
      }
    }
    assertEquals(
        List.of("1000|499500|124875.0"),
        spark("SELECT count(*), sum(id), sum(price) FROM " + delta("t")));
    assertEquals(List.of("WRITE", "CREATE TABLE"), history("t"));
  }

  @Test
  void stringsOfDifferentLengthsAreNotPadded() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE r (id INT, region STRING)");
      s.executeUpdate("INSERT INTO r VALUES (1, 'north'), (2, 'east'), (3, 'a')");
    }
    assertEquals(
        List.of("1|5", "2|4", "3|1"),
        spark("SELECT id, length(region) FROM " + delta("r") + " ORDER BY id"));
  }

  @Test
  void parametersAreConvertedToColumnTypesAndABadBatchCommitsNothing() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE p (id INT, amount DECIMAL(6,2), d DATE, name STRING)");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO p (d, id, amount) VALUES (?, ?, ?)")) {
        ps.setString(1, "2024-02-29");
        ps.setString(2, "5");
        ps.setDouble(3, 1.5);
        assertEquals(1, ps.executeUpdate());
        ps.setDate(1, java.sql.Date.valueOf("2024-03-01"));
        ps.setLong(2, 6);
        ps.setBigDecimal(3, new BigDecimal("2.25"));
        ps.addBatch();
        ps.setDate(1, null);
        ps.setLong(2, 7_000_000_000L);
        ps.setBigDecimal(3, BigDecimal.ONE);
        ps.addBatch();
        SQLException overflow = assertThrows(SQLException.class, ps::executeBatch);
        assertTrue(
            overflow.getMessage().contains("id") && overflow.getMessage().contains("7000000000"),
            overflow.getMessage());
        ps.setString(1, "not a date");
        ps.setInt(2, 8);
        ps.setInt(3, 1);
        SQLException date = assertThrows(SQLException.class, ps::executeUpdate);
        assertTrue(date.getMessage().contains("not a date"), date.getMessage());
      }
    }
    assertEquals(List.of("5|1.50|2024-02-29|null"), spark("SELECT * FROM " + delta("p")));
    assertEquals(List.of("WRITE", "CREATE TABLE"), history("p"));
  }

  @Test
  void createTableInANewSchemaMakesTheSchema() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS analytics.visits (id BIGINT, page STRING) USING delta");
      s.executeUpdate("INSERT INTO analytics.visits VALUES (1, '/home')");
      try (ResultSet rs = s.executeQuery("SELECT page FROM analytics.visits")) {
        rs.next();
        assertEquals("/home", rs.getString(1));
      }
    }
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getTables(null, "analytics", "%", null)) {
      assertTrue(rs.next());
      assertEquals("visits", rs.getString("TABLE_NAME"));
    }
    assertEquals(List.of("1|/home"), spark("SELECT * FROM " + delta("analytics/visits")));
  }

  @Test
  void truncateAndDrop() throws Exception {
    Warehouse.create(dir);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("TRUNCATE TABLE customers");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM customers")) {
        rs.next();
        assertEquals(0, rs.getLong(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM customers VERSION AS OF 1")) {
        rs.next();
        assertEquals(10, rs.getLong(1));
      }
      s.executeUpdate("DROP TABLE customers");
      assertFalse(Files.exists(dir.resolve("customers")));
      SQLException gone =
          assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM customers"));
      assertEquals("42S02", gone.getSQLState(), gone.getMessage());
      s.executeUpdate("DROP TABLE IF EXISTS customers");
      s.executeUpdate("CREATE TABLE customers (id INT)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS customers (id INT)");
      s.executeUpdate("INSERT INTO customers VALUES (7)");
      try (ResultSet rs = s.executeQuery("SELECT id FROM customers")) {
        rs.next();
        assertEquals(7, rs.getInt(1));
      }
    }
    assertEquals(List.of("WRITE", "CREATE TABLE"), history("customers"));
  }

  @Test
  void badStatementsFailClearlyAndChangeNothing() throws Exception {
    Warehouse.create(dir);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      SQLException exists =
          assertThrows(SQLException.class, () -> s.executeUpdate("CREATE TABLE orders (id INT)"));
      assertEquals("42S01", exists.getSQLState(), exists.getMessage());
      SQLException type =
          assertThrows(SQLException.class, () -> s.executeUpdate("CREATE TABLE x (id FOO)"));
      assertTrue(type.getMessage().contains("FOO"), type.getMessage());
      SQLException notNull =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("INSERT INTO customers (name) VALUES ('nobody')"));
      assertTrue(notNull.getMessage().toLowerCase().contains("id"), notNull.getMessage());
      SQLException oldVersion =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("INSERT INTO customers VERSION AS OF 0 VALUES (1, 'x')"));
      assertTrue(oldVersion.getMessage().contains("customers"), oldVersion.getMessage());
      assertThrows(SQLFeatureNotSupportedException.class, () -> c.setAutoCommit(false));
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM customers")) {
        rs.next();
        assertEquals(10, rs.getLong(1));
      }
    }
    assertEquals(List.of("WRITE", "CREATE TABLE"), history("customers"));
  }

  @Test
  void alterTableChangesSchemaPropertiesAndConstraints() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE m (id BIGINT, name STRING) TBLPROPERTIES ('delta.columnMapping.mode' = 'name')");
      s.executeUpdate("INSERT INTO m VALUES (1, 'a'), (2, 'b')");
      s.execute("ALTER TABLE m ADD COLUMNS (score DOUBLE COMMENT 'points', tags ARRAY<STRING>)");
      s.executeUpdate("INSERT INTO m VALUES (3, 'c', 9.5, ARRAY['t'])");
      s.execute("ALTER TABLE m SET TBLPROPERTIES ('owner' = 'team', 'delta.appendOnly' = 'false')");
      s.execute("ALTER TABLE m UNSET TBLPROPERTIES ('owner')");
      s.execute("ALTER TABLE m ADD CONSTRAINT positive CHECK (id > 0)");
      SQLException violated =
          assertThrows(
              SQLException.class,
              () -> s.execute("ALTER TABLE m ADD CONSTRAINT small CHECK (id < 3)"));
      assertEquals("23000", violated.getSQLState(), violated.getMessage());
      try (ResultSet rs = s.executeQuery("SELECT id, name, score, tags FROM m ORDER BY id")) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(
              rs.getLong(1)
                  + "|"
                  + rs.getString(2)
                  + "|"
                  + rs.getObject(3)
                  + "|"
                  + rs.getString(4));
        }
        assertEquals(List.of("1|a|null|null", "2|b|null|null", "3|c|9.5|[t]"), rows);
      }
    }
    assertEquals(
        List.of("1|a|null|null", "2|b|null|null", "3|c|9.5|[t]"),
        spark("SELECT id, name, score, tags FROM " + delta("m") + " ORDER BY id").stream()
            .map(r -> r.replace("WrappedArray(t)", "[t]").replace("ArraySeq(t)", "[t]"))
            .toList());
    assertEquals(
        List.of(
            "ADD CONSTRAINT",
            "UNSET TBLPROPERTIES",
            "SET TBLPROPERTIES",
            "WRITE",
            "ADD COLUMNS",
            "WRITE",
            "CREATE TABLE"),
        history("m"));
    java.util.Map<Object, Object> props =
        SparkOracle.spark()
            .sql("DESCRIBE DETAIL " + delta("m"))
            .select("properties")
            .collectAsList()
            .get(0)
            .getJavaMap(0);
    assertEquals("`id` > 0", props.get("delta.constraints.positive"), props.toString());
    org.apache.spark.sql.Row detail =
        SparkOracle.spark()
            .sql("DESCRIBE DETAIL " + delta("m"))
            .select("minReaderVersion", "minWriterVersion")
            .collectAsList()
            .get(0);
    assertEquals(2, detail.getInt(0), "column mapping needs reader 2");
    assertEquals(
        5, detail.getInt(1), "column mapping (writer 5) covers CHECK constraints (writer 3)");
    assertFalse(props.containsKey("owner"), props.toString());
    // delta-spark enforces the constraint we stored
    assertThrows(
        Exception.class,
        () ->
            SparkOracle.spark()
                .sql("INSERT INTO " + delta("m") + " VALUES (-1, 'neg', NULL, NULL)")
                .collect());
  }

  @Test
  void insertOverwriteReplacesTheTableOrOnePartition() throws Exception {
    Warehouse.create(dir);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(
          2,
          s.executeUpdate(
              "INSERT OVERWRITE TABLE orders PARTITION (region = 'north') "
                  + "SELECT id + 1000, customer, amount, \"day\", ts FROM orders WHERE region = 'north' AND id < 10"));
      assertEquals(
          3,
          s.executeUpdate(
              "INSERT OVERWRITE customers SELECT id, Name FROM customers WHERE id < 3"));
    }
    assertEquals(
        List.of("central|20", "east|20", "north|2", "south|20", "west|20"),
        spark(
            "SELECT region, count(*) FROM "
                + delta("orders")
                + " GROUP BY region ORDER BY region"));
    assertEquals(
        List.of("1000|1005"),
        spark("SELECT min(id), max(id) FROM " + delta("orders") + " WHERE region = 'north'"));
    assertEquals(List.of("3"), spark("SELECT count(*) FROM " + delta("customers")));
    assertEquals("WRITE", history("orders").get(0));
  }

  @Test
  void insertsMustSatisfyCheckConstraints() throws Exception {
    SparkOracle.spark();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE k (id INT, qty INT)");
      s.execute("ALTER TABLE k ADD CONSTRAINT positive CHECK (qty > 0)");
      assertEquals(2, s.executeUpdate("INSERT INTO k VALUES (1, 5), (2, 7)"));
      SQLException bad =
          assertThrows(
              SQLException.class, () -> s.executeUpdate("INSERT INTO k VALUES (3, 1), (4, -1)"));
      assertEquals("23000", bad.getSQLState(), bad.getMessage());
      assertTrue(bad.getMessage().contains("positive"), bad.getMessage());
    }
    assertEquals(List.of("1|5", "2|7"), spark("SELECT * FROM " + delta("k") + " ORDER BY id"));
    assertEquals(List.of("WRITE", "ADD CONSTRAINT", "CREATE TABLE"), history("k"));
  }
}
