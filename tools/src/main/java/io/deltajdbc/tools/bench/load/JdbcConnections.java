package io.deltajdbc.tools.bench.load;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Supplier;

/** {@code Supplier<Connection>}s of {@link DriverManager} for a run's clients. */
public final class JdbcConnections {
  private JdbcConnections() {}

  /** Connections to {@code url}, with a user and password when {@code user} is not null. */
  public static Supplier<Connection> to(String url, String user, String password) {
    requireNonNull(url, "url");
    Properties info = new Properties();
    if (user != null) {
      info.setProperty("user", user);
      info.setProperty("password", password == null ? "" : password);
    }
    return () -> {
      try {
        return DriverManager.getConnection(url, info);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot connect to " + url + ": " + e.getMessage(), e);
      }
    };
  }
}
