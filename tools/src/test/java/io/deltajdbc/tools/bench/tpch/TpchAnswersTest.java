package io.deltajdbc.tools.bench.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.tools.bench.peer.SparkPeer;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries at scale factor 0.01 (60,175 lineitem rows) over tables delta-spark wrote:
 * each answer through the driver equals delta-spark's, row by row in the query's order, every
 * decimal with Spark's declared precision and scale and its exact value; and each table reads the
 * same through the columnar path as through the record reader.
 */
class TpchAnswersTest {
  @TempDir static Path warehouse;
  static SparkSession spark;
  static Connection connection;
  static Connection recordReader;

  @BeforeAll
  static void tables() throws SQLException {
    spark = new SparkPeer().session();
    TpchTables.write(spark, warehouse, 0.01);
    for (TpchTable<?> t : TpchTable.getTables()) {
      spark
          .read()
          .format("delta")
          .load(warehouse.resolve(t.getTableName()).toString())
          .createOrReplaceTempView(t.getTableName());
    }
    connection = DriverManager.getConnection("jdbc:delta:" + warehouse);
    recordReader =
        DriverManager.getConnection(
            "jdbc:delta:" + warehouse + ";deltajdbc.scan.columnar=false;deltajdbc.scan.threads=1");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    recordReader.close();
  }

  static List<TpchQuery> queries() {
    return TpchQuery.all();
  }

  @ParameterizedTest(name = "Q{index}")
  @MethodSource("queries")
  void answerEqualsDeltaSparks(TpchQuery q) throws SQLException {
    Answer expected = spark(q.sql());
    Answer actual = driver(connection, q.sql());
    assertEquals(expected.columns(), actual.columns(), q.name() + ": columns");
    assertEquals(expected.rows().size(), actual.rows().size(), q.name() + ": rows");
    assertEquals(String.join("\n", expected.rows()), String.join("\n", actual.rows()), q.name());
  }

  /**
   * Every table's rows read column-wise on two threads equal those the record reader reads on one.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tableNames")
  void tableReadsTheSameOnBothPaths(String table) throws SQLException {
    List<String> columnar = new ArrayList<>(driver(connection, "SELECT * FROM " + table).rows());
    List<String> records = new ArrayList<>(driver(recordReader, "SELECT * FROM " + table).rows());
    columnar.sort(null);
    records.sort(null);
    assertEquals(records.size(), columnar.size(), table + ": rows");
    assertEquals(records, columnar, table);
  }

  static List<String> tableNames() {
    return TpchTable.getTables().stream().map(TpchTable::getTableName).toList();
  }

  /** A result as text: each column's type where it is a decimal, each row's values. */
  record Answer(List<String> columns, List<String> rows) {}

  private static Answer spark(String sql) {
    Dataset<Row> df = spark.sql(sql);
    List<String> columns = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      columns.add(
          f.dataType() instanceof DecimalType d
              ? "DECIMAL(" + d.precision() + "," + d.scale() + ")"
              : "-");
    }
    List<String> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        row.add(text(r.isNullAt(i) ? null : r.get(i)));
      }
      rows.add(String.join(" | ", row));
    }
    return new Answer(columns, rows);
  }

  private static Answer driver(Connection through, String sql) throws SQLException {
    try (Statement s = through.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(
            md.getColumnType(i) == Types.DECIMAL
                ? "DECIMAL(" + md.getPrecision(i) + "," + md.getScale(i) + ")"
                : "-");
      }
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(
              text(md.getColumnType(i) == Types.DECIMAL ? rs.getBigDecimal(i) : rs.getObject(i)));
        }
        rows.add(String.join(" | ", row));
      }
      return new Answer(columns, rows);
    }
  }

  /**
   * Decimals in plain notation with their scale; integers of any width alike; dates as ISO text.
   */
  private static String text(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(v);
  }
}
