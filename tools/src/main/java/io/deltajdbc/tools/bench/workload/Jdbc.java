package io.deltajdbc.tools.bench.workload;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Our side, as a user's program sees it: {@code DriverManager}, statements and result sets. */
final class Jdbc {
  static final String NAME = "delta-jdbc";

  private Jdbc() {}

  static String url(Path warehouse) {
    return "jdbc:delta:" + warehouse;
  }

  static Connection connect(Path warehouse) throws SQLException {
    return DriverManager.getConnection(url(warehouse));
  }

  /** Every row of a query, each as a list of its column values. */
  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<List<Object>> out = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  /** A query on a fresh connection: connect, run, read every row, close. */
  static List<List<Object>> rowsFresh(Path warehouse, String sql) throws SQLException {
    try (Connection c = connect(warehouse)) {
      return rows(c, sql);
    }
  }

  static int update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }
}
