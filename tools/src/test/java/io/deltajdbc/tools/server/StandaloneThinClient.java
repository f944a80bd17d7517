package io.deltajdbc.tools.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * What a client with only the standalone driver jar on its class path runs (ThinClientIT starts it
 * as a process of its own): a thin-client connection to a delta-server, a query, an UPDATE, and a
 * check that the jar leaves {@code jdbc:avatica:remote:} URLs alone. Each result is a line.
 */
public final class StandaloneThinClient {
  private StandaloneThinClient() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Properties info = new Properties();
    info.setProperty("user", args[1]);
    info.setProperty("password", args[2]);
    try (Connection c = DriverManager.getConnection(url, info);
        Statement s = c.createStatement()) {
      System.out.println("driver " + c.getMetaData().getDriverName());
      System.out.println("updated " + s.executeUpdate("UPDATE t SET v = 'thin' WHERE id = 2"));
      try (ResultSet rs = s.executeQuery("SELECT id, v FROM t ORDER BY id")) {
        while (rs.next()) {
          System.out.println("row " + rs.getInt(1) + " " + rs.getString(2));
        }
      }
    }
    try {
      DriverManager.getDriver("jdbc:avatica:remote:url=http://127.0.0.1:1");
      System.out.println("avatica-remote answered");
    } catch (SQLException e) {
      System.out.println("avatica-remote " + e.getSQLState());
    }
  }
}
