package io.deltajdbc.jdbc.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link ResourceSafetyTest} in a JVM with a heap too small to hold {@code big}: the top-N
 * query succeeds, the full sort fails with an SQLException, and the JVM goes on to the next
 * statement; a full scan read by a slow client streams. Prints one line per statement.
 */
public final class SmallHeapQueries {
  private SmallHeapQueries() {}

  public static void main(String[] args) throws SQLException, InterruptedException {
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + args[0]);
        Statement s = c.createStatement()) {
      List<Long> top = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT * FROM big ORDER BY id DESC LIMIT 5")) {
        while (rs.next()) {
          top.add(rs.getLong(1));
        }
      }
      System.out.println("top-n " + top);
      try (ResultSet rs = s.executeQuery("SELECT * FROM big ORDER BY v, id")) {
        rs.next();
        System.out.println("sort returned " + rs.getLong(1));
      } catch (SQLException e) {
        System.out.println("sort failed " + e.getSQLState() + " " + e.getMessage());
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM big WHERE id > 0")) {
        rs.next();
        System.out.println("after " + rs.getLong(1));
      }
      long rows = 0;
      long sum = 0;
      try (ResultSet rs = s.executeQuery("SELECT id, v FROM big")) {
        while (rs.next()) {
          sum += rs.getLong(1);
          if (++rows % 1_000 == 0) {
            Thread.sleep(1);
          }
        }
      }
      System.out.println("slow scan " + rows + " rows, ids summing to " + sum);
    }
  }
}
