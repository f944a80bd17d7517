package io.deltajdbc.jdbc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * One query's rows through the driver and through Spark, as comparable text: numbers by value,
 * doubles to a given number of significant digits (sums may add in another order), NaN and
 * infinities by name, dates and timestamps as {@code LocalDate}/{@code LocalDateTime} (UTC), arrays
 * by elements.
 */
final class SparkAnswers {
  private SparkAnswers() {}

  static List<List<String>> jdbc(Connection conn, String sql, int digits) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          int type = rs.getMetaData().getColumnType(i);
          Object v =
              type == Types.DATE
                  ? rs.getObject(i, LocalDate.class)
                  : type == Types.TIMESTAMP
                      ? rs.getObject(i, LocalDateTime.class)
                      : rs.getObject(i);
          if (v instanceof Array a) {
            v = List.of((Object[]) a.getArray());
          }
          row.add(normal(v, digits));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  static List<List<String>> spark(SparkSession spark, String sql, int digits) {
    List<List<String>> rows = new ArrayList<>();
    for (org.apache.spark.sql.Row r : spark.sql(sql).collectAsList()) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        if (v instanceof scala.collection.Seq<?> seq) {
          v = new ArrayList<>(JavaConverters.seqAsJavaList(seq));
        }
        if (v instanceof Instant instant) {
          v = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (v instanceof java.sql.Date d) {
          v = d.toLocalDate();
        }
        row.add(normal(v, digits));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The rows in a fixed order, for results whose order SQL leaves open. */
  static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> out = new ArrayList<>(rows);
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  private static String normal(Object v, int digits) {
    if (v == null) {
      return "null";
    }
    if (v instanceof List<?> list) {
      return list.stream().map(e -> normal(e, digits)).toList().toString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d)
          ? new BigDecimal(v.toString())
              .round(new MathContext(digits))
              .stripTrailingZeros()
              .toPlainString()
          : Double.toString(d);
    }
    if (v instanceof Number) {
      return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }
}
