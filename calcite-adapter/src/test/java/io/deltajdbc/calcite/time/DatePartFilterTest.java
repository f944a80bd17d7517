package io.deltajdbc.calcite.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.calcite.AdapterConnections;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter on a part of a date or timestamp (EXTRACT, FLOOR) keeps the rows whose projected
 * condition is true, for dates in the proleptic Gregorian calendar Delta uses: before 1582, in year
 * 0 and before, and at the ends of years and months.
 */
class DatePartFilterTest {
  /** Dates as SQL: a literal, or (before year 1, which literals cannot write) 0001-01-01 minus. */
  private static final String[] DATES = {
    "'0001-01-01'",
    "'0001-01-01' - INTERVAL '1' DAY",
    "'0001-01-01' - INTERVAL '306' DAY",
    "'0001-01-01' - INTERVAL '18' MONTH",
    "'1500-01-05'",
    "'1582-10-04'",
    "'1582-10-15'",
    "'1899-12-31'",
    "'1969-12-31'",
    "'1970-01-01'",
    "'2024-02-29'",
    "'9999-12-31'"
  };

  private static final String[] CONDITIONS = {
    "EXTRACT(YEAR FROM dt) >= -1",
    "EXTRACT(YEAR FROM dt) = 0",
    "EXTRACT(YEAR FROM dt) = 1",
    "EXTRACT(YEAR FROM dt) < 1",
    "EXTRACT(YEAR FROM dt) = 1500",
    "EXTRACT(YEAR FROM dt) BETWEEN -1 AND id",
    "EXTRACT(YEAR FROM dt) = 1582 AND EXTRACT(MONTH FROM dt) = 10",
    "EXTRACT(YEAR FROM dt) = 2024 AND EXTRACT(MONTH FROM dt) = 2 AND EXTRACT(DAY FROM dt) = 29",
    "EXTRACT(YEAR FROM ts) = 0",
    "EXTRACT(YEAR FROM ts) > 1499 AND EXTRACT(YEAR FROM ts) < 1501",
    "FLOOR(dt TO YEAR) = DATE '1500-01-01'",
    "FLOOR(ts TO YEAR) < TIMESTAMP '0001-01-01 00:00:00'",
    "CEIL(dt TO MONTH) > DATE '1582-10-01'"
  };

  @TempDir Path dir;

  @Test
  void filterKeepsTheRowsWhoseConditionIsTrue() throws SQLException {
    try (Connection conn = AdapterConnections.open(dir);
        Statement s = conn.createStatement()) {
      s.execute("CREATE TABLE t (id INT, dt DATE, ts TIMESTAMP)");
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < DATES.length; i++) {
        String date = "DATE " + DATES[i];
        String timestamp = DATES[i].replaceFirst("'$|' -", " 12:00:00$0");
        rows.add("(" + (i + 1) + ", " + date + ", TIMESTAMP " + timestamp + ")");
      }
      s.executeUpdate("INSERT INTO t VALUES " + String.join(", ", rows));
      for (String condition : CONDITIONS) {
        List<Integer> expected = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT id, " + condition + " FROM t ORDER BY id")) {
          while (rs.next()) {
            if (rs.getBoolean(2)) {
              expected.add(rs.getInt(1));
            }
          }
        }
        assertEquals(
            expected, ids(s, "SELECT id FROM t WHERE " + condition + " ORDER BY id"), condition);
      }
    }
  }

  private static List<Integer> ids(Statement s, String sql) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }
}
