package io.deltajdbc.jdbc.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Run by {@link ResourceSafetyTest} in a JVM it kills: creates {@code victim}, says so, then
 * inserts long enough (eight copies of {@code big}) to be killed while its data files are open.
 */
public final class KilledWriter {
  private KilledWriter() {}

  public static void main(String[] args) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + args[0]);
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE victim (id BIGINT, v INT)");
      System.out.println("created");
      System.out.flush();
      s.executeUpdate(
          "INSERT INTO victim SELECT b.id, b.v FROM big b, (VALUES 1, 2, 3, 4, 5, 6, 7, 8) AS n(k)");
      System.out.println("committed");
    }
  }
}
