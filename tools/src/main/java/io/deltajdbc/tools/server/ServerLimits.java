package io.deltajdbc.tools.server;

import java.time.Duration;

/**
 * What keeps the server up whatever its clients do.
 *
 * @param maxConnections connections open at once, all users together
 * @param maxConnectionsPerUser connections one user may hold open at once
 * @param maxStatementsPerConnection statements (plain and prepared) open at once on one connection
 * @param idleTimeout a connection without a call for this long is closed, with its statements and
 *     result sets (a vanished client holds no scan)
 * @param statementTimeout the query timeout of every statement (the driver stops it with 57014)
 * @param maxRowsPerFetch the most rows one frame carries to a client, whatever it asks for
 * @param maxThreads the HTTP server's threads (requests served at once)
 * @param maxRequestBytes the largest request body accepted
 * @param shutdownGrace how long a stopping server lets running statements finish
 */
public record ServerLimits(
    int maxConnections,
    int maxConnectionsPerUser,
    int maxStatementsPerConnection,
    Duration idleTimeout,
    Duration statementTimeout,
    int maxRowsPerFetch,
    int maxThreads,
    int maxRequestBytes,
    Duration shutdownGrace) {

  public ServerLimits {
    positive("maxConnections", maxConnections);
    positive("maxConnectionsPerUser", maxConnectionsPerUser);
    positive("maxStatementsPerConnection", maxStatementsPerConnection);
    positive("maxRowsPerFetch", maxRowsPerFetch);
    positive("maxThreads", maxThreads);
    positive("maxRequestBytes", maxRequestBytes);
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive, not " + idleTimeout);
    }
    if (statementTimeout.isNegative() || shutdownGrace.isNegative()) {
      throw new IllegalArgumentException(
          "statement timeout and shutdown grace must not be negative");
    }
  }

  /**
   * The defaults: 128 connections, 16 per user, 100 statements per connection, 10 minutes idle, 10
   * minutes per statement, 10,000 rows per frame, 64 threads, 16 MiB per request, 30 s grace.
   */
  public static ServerLimits defaults() {
    return new ServerLimits(
        128,
        16,
        100,
        Duration.ofMinutes(10),
        Duration.ofMinutes(10),
        10_000,
        64,
        16 << 20,
        Duration.ofSeconds(30));
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
  }
}
