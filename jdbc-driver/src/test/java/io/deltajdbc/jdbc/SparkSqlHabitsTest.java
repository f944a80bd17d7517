package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.testing.SparkOracle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL as people paste it from a Spark notebook, through plain JDBC: SHOW and DESCRIBE answer with
 * Spark's column names and the rows delta-spark prints for the same table; {@code default.t} is the
 * warehouse's table; syntax errors, reserved words and misspelt names get short messages.
 */
class SparkSqlHabitsTest {
  @TempDir static Path dir;
  static SparkSession spark;
  static Connection conn;

  @BeforeAll
  static void setUp() throws SQLException {
    spark = SparkOracle.spark();
    // Written by delta-spark: comments, a partition column, nested types.
    spark.sql(
        "CREATE TABLE delta.`"
            + path("sales/events")
            + "` (id BIGINT NOT NULL COMMENT 'the key', "
            + "amount DECIMAL(12,2), ts TIMESTAMP, d DATE, tags ARRAY<INT>, attrs MAP<STRING, BIGINT>, "
            + "info STRUCT<a: INT, b: STRING>, flag BOOLEAN, small SMALLINT, tiny TINYINT, f FLOAT, x DOUBLE, "
            + "bin BINARY, region STRING COMMENT 'where') USING delta PARTITIONED BY (region) COMMENT 'Sales events' "
            + "TBLPROPERTIES ('delta.appendOnly' = 'false', 'team' = 'north')");
    spark.sql(
        "INSERT INTO delta.`"
            + path("sales/events")
            + "` VALUES (1, 2.50, TIMESTAMP'2024-01-01 10:00:00', "
            + "DATE'2024-01-01', array(1, 2), map('k', 3), named_struct('a', 1, 'b', 'x'), true, 1, 2, 1.5, 2.5, X'01', "
            + "'north')");
    conn = DriverManager.getConnection("jdbc:delta:" + dir);
    try (Statement s = conn.createStatement()) {
      s.execute(
          "CREATE TABLE orders (id BIGINT NOT NULL, customer STRING, amount DECIMAL(10,2), region STRING) "
              + "PARTITIONED BY (region)");
      s.execute("INSERT INTO orders VALUES (1, 'ann', 10.50, 'north'), (2, 'bob', 20.00, 'south')");
      s.execute("CREATE TABLE customers (id INT, name STRING)");
      s.execute("CREATE TABLE daily (`day` DATE, \"value\" INT)");
      s.execute("INSERT INTO daily VALUES (DATE '2024-01-01', 1)");
    }
  }

  @AfterAll
  static void tearDown() throws SQLException {
    conn.close();
  }

  private static String path(String table) {
    return dir.resolve(table).toString();
  }

  private static String delta(String table) {
    return "delta.`" + path(table) + "`";
  }

  /** Column labels and rows of a JDBC query, values as strings (null as null). */
  private static List<List<String>> jdbc(String sql, List<String> labels) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      labels.clear();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        labels.add(md.getColumnLabel(i));
      }
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static List<List<String>> spark(String sql, List<String> labels) {
    var df = spark.sql(sql);
    labels.clear();
    labels.addAll(List.of(df.columns()));
    List<List<String>> rows = new ArrayList<>();
    for (org.apache.spark.sql.Row r : df.collectAsList()) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        row.add(r.isNullAt(i) ? null : Objects.toString(r.get(i)));
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void describeMatchesDeltaSpark() throws SQLException {
    List<String> ours = new ArrayList<>();
    List<String> theirs = new ArrayList<>();
    List<List<String>> expected = spark("DESCRIBE " + delta("sales/events"), theirs);
    assertEquals(expected, jdbc("DESCRIBE sales.events", ours));
    assertEquals(theirs, ours);
    assertEquals(List.of("col_name", "data_type", "comment"), ours);
    assertEquals(expected, jdbc("DESCRIBE TABLE sales.events", ours));
    assertEquals(expected, jdbc("DESC `sales`.`events`", ours));
    assertEquals(spark("DESCRIBE " + delta("orders"), theirs), jdbc("describe orders", ours));
    assertEquals(
        List.of(List.of("id", "bigint", "the key"), Arrays.asList("amount", "decimal(12,2)", null)),
        jdbc("DESCRIBE sales.events", ours).subList(0, 2));
  }

  @Test
  void showColumnsPropertiesAndCreateTableMatchDeltaSpark() throws SQLException {
    List<String> ours = new ArrayList<>();
    List<String> theirs = new ArrayList<>();
    assertEquals(
        spark("SHOW COLUMNS IN " + delta("sales/events"), theirs),
        jdbc("SHOW COLUMNS IN sales.events", ours));
    assertEquals(theirs, ours);
    assertEquals(
        jdbc("SHOW COLUMNS IN sales.events", ours),
        jdbc("SHOW COLUMNS FROM events IN sales", ours));
    assertEquals(
        spark("SHOW TBLPROPERTIES " + delta("sales/events"), theirs),
        jdbc("SHOW TBLPROPERTIES sales.events", ours));
    assertEquals(theirs, ours);
    assertEquals(
        spark("SHOW TBLPROPERTIES " + delta("orders"), theirs),
        jdbc("SHOW TBLPROPERTIES orders", ours));
    assertEquals(
        spark("SHOW TBLPROPERTIES " + delta("sales/events") + " ('team')", theirs),
        jdbc("SHOW TBLPROPERTIES sales.events ('team')", ours));
    assertEquals(
        List.of(List.of("team", "north")), jdbc("SHOW TBLPROPERTIES sales.events ('team')", ours));
    // delta-spark 3.2.1 refuses SHOW CREATE TABLE on Delta tables: its column name from a Parquet
    // table.
    spark.sql("CREATE TABLE show_create_probe (id INT) USING parquet");
    spark("SHOW CREATE TABLE show_create_probe", theirs);
    spark.sql("DROP TABLE show_create_probe");
    List<List<String>> create = jdbc("SHOW CREATE TABLE sales.events", ours);
    assertEquals(theirs, ours);
    assertEquals(List.of("createtab_stmt"), ours);
    // The text runs here and in Spark, and makes a table described as the original is.
    String text = create.get(0).get(0);
    try (Statement s = conn.createStatement()) {
      s.execute(text.replace("`sales`.`events`", "`copy_ours`"));
    }
    spark.sql(text.replace("`sales`.`events`", delta("copy_theirs")));
    List<List<String>> original = jdbc("DESCRIBE sales.events", ours);
    assertEquals(original, jdbc("DESCRIBE copy_ours", ours));
    assertEquals(original, spark("DESCRIBE " + delta("copy_theirs"), theirs));
  }

  @Test
  void showTablesAndSchemasWithSparkColumnNames() throws SQLException {
    List<String> ours = new ArrayList<>();
    List<String> theirs = new ArrayList<>();
    spark("SHOW TABLES", theirs);
    List<List<String>> tables = jdbc("SHOW TABLES", ours);
    assertEquals(theirs, ours);
    assertTrue(
        tables.containsAll(
            List.of(
                List.of("default", "customers", "false"), List.of("default", "orders", "false"))),
        tables.toString());
    assertEquals(List.of(List.of("sales", "events", "false")), jdbc("SHOW TABLES IN sales", ours));
    assertEquals(
        List.of(List.of("sales", "events", "false")),
        jdbc("SHOW TABLES FROM sales LIKE 'ev*'", ours));
    assertEquals(
        List.of(List.of("default", "customers", "false"), List.of("default", "orders", "false")),
        jdbc("SHOW TABLES IN default LIKE 'ord*|CUST*'", ours));
    spark("SHOW SCHEMAS", theirs);
    List<List<String>> schemas = jdbc("SHOW SCHEMAS", ours);
    assertEquals(theirs, ours);
    assertEquals(List.of(List.of("default"), List.of("sales")), schemas);
    assertEquals(List.of(List.of("sales")), jdbc("SHOW DATABASES LIKE 's*'", ours));
  }

  @Test
  void timeTravelAndQualifiedNames() throws SQLException {
    List<String> ours = new ArrayList<>();
    try (Statement s = conn.createStatement()) {
      s.execute("CREATE TABLE widening (id INT)");
      s.execute("ALTER TABLE widening ADD COLUMNS (note STRING COMMENT 'later')");
    }
    assertEquals(List.of(Arrays.asList("id", "int", null)), jdbc("DESCRIBE widening@v0", ours));
    assertEquals(
        List.of(Arrays.asList("id", "int", null)),
        jdbc("DESCRIBE default.widening VERSION AS OF 0", ours));
    assertEquals(
        List.of(List.of("id"), List.of("note")), jdbc("SHOW COLUMNS IN default.widening", ours));
    assertEquals(
        List.of(Arrays.asList("id", "int", null), List.of("note", "string", "later")),
        jdbc("DESCRIBE TABLE `default`.widening", ours));
  }

  /** Delta's DESCRIBE HISTORY and DESCRIBE DETAIL answer (UtilityStatementsTest compares them). */
  @Test
  void describeHistoryAndDetailAnswer() throws SQLException {
    List<String> labels = new ArrayList<>();
    List<List<String>> history = jdbc("DESCRIBE HISTORY orders", labels);
    assertEquals(15, labels.size(), labels.toString());
    assertEquals(List.of("version", "timestamp"), labels.subList(0, 2));
    assertTrue(!history.isEmpty());
    assertEquals("0", history.get(history.size() - 1).get(0), "the oldest commit is last");
    List<List<String>> detail = jdbc("DESCRIBE DETAIL sales.events", labels);
    assertEquals(1, detail.size());
    assertEquals("delta", detail.get(0).get(0));
    SQLException missing =
        assertThrows(SQLException.class, () -> jdbc("DESCRIBE nope", new ArrayList<>()));
    assertEquals("42S02", missing.getSQLState(), missing.getMessage());
  }

  private static SQLException failure(String sql) {
    SQLException e = assertThrows(SQLException.class, () -> jdbc(sql, new ArrayList<>()));
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    return e;
  }

  @Test
  void syntaxErrorsAreOneLineWithPositionAndWhatWasExpected() {
    SQLException selec = failure("SELEC * FROM orders");
    assertEquals("42000", selec.getSQLState());
    assertEquals(
        "Syntax error (line 1, column 1): this is not a statement; a statement begins with SELECT, VALUES, "
            + "WITH, INSERT, UPDATE, DELETE, MERGE, CREATE, ALTER, DROP, TRUNCATE, SHOW or DESCRIBE.",
        selec.getMessage());
    SQLException where = failure("SELECT * FROM orders WHERE");
    assertEquals("42000", where.getSQLState());
    assertEquals(
        "Syntax error (line 1, column 26): unexpected end of statement; expected an expression.",
        where.getMessage());
    assertEquals(
        "Syntax error (line 1, column 27): unexpected end of statement; expected \"BY\".",
        failure("SELECT id FROM orders GROUP").getMessage());
    assertEquals(
        "Syntax error (line 2, column 5): unexpected \"FROM\"; expected an expression.",
        failure("SELECT id,\n    FROM orders").getMessage());
  }

  @Test
  void reservedWordsAsColumnNamesSayHowToQuoteThem() throws SQLException {
    SQLException day = failure("SELECT day FROM daily");
    assertEquals("42000", day.getSQLState());
    assertEquals(
        "`day` is a reserved word in SQL; quote it as \"day\" or `day` (line 1, column 8)",
        day.getMessage());
    assertEquals(
        "`date` is a reserved word in SQL; quote it as \"date\" or `date` (line 1, column 12)",
        failure("SELECT id, date FROM orders").getMessage());
    assertEquals(
        "`day` is a reserved word in SQL; quote it as \"day\" or `day` (line 1, column 27)",
        failure("SELECT * FROM daily WHERE day > DATE '2023-01-01'").getMessage());
    List<String> labels = new ArrayList<>();
    assertEquals(
        List.of(List.of("2024-01-01", "1")), jdbc("SELECT `day`, \"value\" FROM daily", labels));
    // as in Spark, value is no reserved word (TPC-H Q11 names a column so)
    assertEquals(
        List.of(List.of("2")), jdbc("SELECT 1 + value AS value FROM daily", new ArrayList<>()));
  }

  @Test
  void misspeltNamesSuggestTheNearestOne() {
    SQLException column = failure("SELECT customr FROM orders");
    assertEquals("42S22", column.getSQLState());
    assertEquals(
        "Column not found: Column 'customr' not found in any table; did you mean customer? "
            + "(From line 1, column 8 to line 1, column 14)",
        column.getMessage());
    assertEquals(
        "Column not found: Column 'AMOUNTS' not found in table 'o'; did you mean amount? "
            + "(From line 1, column 10 to line 1, column 16)",
        failure("SELECT o.AMOUNTS FROM orders o").getMessage());
    SQLException table = failure("SELECT * FROM ordrs");
    assertEquals("42S02", table.getSQLState());
    assertEquals(
        "Table not found: Object 'ordrs' not found; did you mean orders? "
            + "(From line 1, column 15 to line 1, column 19)",
        table.getMessage());
    assertTrue(
        failure("SELECT * FROM sales.evnts").getMessage().contains("; did you mean sales.events?"));
    assertEquals(
        "Unknown target column 'custmer'; did you mean customer? (From line 1, column 19 to line 1, column 25)",
        failure("UPDATE orders SET custmer = 'x'").getMessage());
    // Nothing near: no suggestion.
    assertEquals(
        "Column not found: Column 'zzz' not found in any table (From line 1, column 8 to line 1, column 10)",
        failure("SELECT zzz FROM orders").getMessage());
  }

  @Test
  void defaultIsSparksDefaultDatabase() throws SQLException {
    List<String> labels = new ArrayList<>();
    assertEquals(List.of(List.of("2")), jdbc("SELECT count(*) FROM default.orders", labels));
    assertEquals(
        List.of(List.of("2")),
        jdbc("SELECT count(*) FROM DEFAULT.orders o WHERE o.id > 0", labels));
    assertEquals(List.of(List.of("2")), jdbc("SELECT count(*) FROM `default`.`orders`", labels));
    assertEquals(List.of(List.of("0")), jdbc("SELECT count(*) FROM default.orders@v0", labels));
    try (Statement s = conn.createStatement()) {
      assertEquals(1, s.executeUpdate("INSERT INTO default.customers VALUES (1, 'ann')"));
    }
    assertEquals(
        List.of(List.of("1")),
        jdbc(
            "SELECT count(*) FROM default.customers c JOIN default.orders o "
                + "ON c.name = o.customer",
            labels));
  }
}
