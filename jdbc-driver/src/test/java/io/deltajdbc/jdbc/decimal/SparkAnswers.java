package io.deltajdbc.jdbc.decimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.testing.SparkOracle;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * One query's answer from delta-spark and from the driver, as text to compare: each decimal
 * column's declared type ({@code DECIMAL(p,s)}; other columns are "-") and each row's values, the
 * driver's read both with {@code getBigDecimal} and {@code getString}. A table is written {@code
 * {t}} in the query: {@code delta.`path`} for Spark, its name for the driver.
 */
record SparkAnswers(List<String> types, List<List<String>> rows) {
  /** Column {@code i}: its type and its values, top to bottom. */
  String column(int i) {
    List<String> values = new ArrayList<>();
    rows.forEach(r -> values.add(r.get(i)));
    return types.get(i) + " " + values;
  }

  static SparkAnswers spark(String query, String table, String path) {
    Dataset<Row> df = SparkOracle.spark().sql(query.replace("{t}", "delta.`" + path + "`"));
    List<String> types = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      types.add(
          f.dataType() instanceof DecimalType d
              ? "DECIMAL(" + d.precision() + "," + d.scale() + ")"
              : "-");
    }
    List<List<String>> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.isNullAt(i) ? null : r.get(i);
        row.add(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
      }
      rows.add(row);
    }
    return new SparkAnswers(types, rows);
  }

  /** The driver's answer; getString and getBigDecimal must agree or the row shows both. */
  static SparkAnswers driver(Connection conn, String query, String table) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(query.replace("{t}", table))) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> types = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        types.add(
            md.getColumnType(i) == java.sql.Types.DECIMAL
                ? "DECIMAL(" + md.getPrecision(i) + "," + md.getScale(i) + ")"
                : "-");
      }
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String text;
          if (md.getColumnType(i) == java.sql.Types.DECIMAL) {
            BigDecimal d = rs.getBigDecimal(i);
            String str = rs.getString(i);
            text = d == null ? String.valueOf(str) : d.toPlainString();
            if (d != null && !d.toPlainString().equals(str)) {
              text += " (getString: " + str + ")";
            }
          } else {
            text = String.valueOf(rs.getObject(i));
          }
          row.add(text);
        }
        rows.add(row);
      }
      return new SparkAnswers(types, rows);
    }
  }

  static void assertSame(Connection conn, String query, String table, String path)
      throws SQLException {
    SparkAnswers expected = spark(query, table, path);
    SparkAnswers actual = driver(conn, query, table);
    assertEquals(expected.toString(), actual.toString(), query);
  }
}
