package io.deltajdbc.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.NoSuchStatementException;

/**
 * Cancel and query timeout of one statement, answered at once whatever the statement is doing.
 * Avatica's {@code cancel()} waits for the lock a statement holds while it is prepared (where the
 * first statement of a JVM loads classes and replays logs) and sets a flag that neither the scans
 * nor the planner read. Here a cancel, or the timeout's timer, sets the flag the scans read ({@code
 * DataContext.Variable.CANCEL_FLAG}) and interrupts the thread running a query, which stops the
 * engine's log replay and scans ({@code Cancellation}); the statement then fails with SQLState
 * 57014, and its result set does too. Writes are not interrupted (an interrupt after the commit
 * would report a committed INSERT as failed): they stop at their next scan check.
 */
final class StatementGuard {
  /** Why the statement was stopped. */
  private enum Stop {
    CANCELED,
    TIMED_OUT
  }

  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final AvaticaStatement statement;
  private volatile String sql;
  private Thread running;
  private boolean query;
  private Stop stop;
  private int timeoutSeconds;
  private ScheduledFuture<?> timeout;

  StatementGuard(Statement statement, String sql) {
    this.statement = (AvaticaStatement) statement;
    this.sql = sql;
  }

  String sql() {
    return sql;
  }

  /**
   * A new execution of {@code text} (null: the prepared statement's) on this thread, or of a batch;
   * clears an earlier cancel.
   */
  synchronized void beginExecute(String text, boolean batch) throws SQLException {
    if (text != null) {
      sql = text;
    }
    stop = null;
    flag().set(false);
    running = Thread.currentThread();
    query = !batch && isQuery(sql);
    timeoutSeconds = statement.getQueryTimeout();
    if (timeoutSeconds > 0) {
      timeout = TIMER.schedule(() -> stop(Stop.TIMED_OUT), timeoutSeconds, TimeUnit.SECONDS);
    }
  }

  /** A fetch of the result: fails at once when the statement was stopped. */
  synchronized void beginFetch() throws SQLException {
    if (stop != null) {
      throw stopped();
    }
    running = Thread.currentThread();
  }

  /**
   * The end of an execution or fetch: the timer stops, and an interrupt that came too late is
   * cleared.
   */
  synchronized void end() {
    if (timeout != null) {
      timeout.cancel(false);
      timeout = null;
    }
    if (running == Thread.currentThread()) {
      running = null;
      Thread.interrupted();
    }
  }

  /** {@code Statement.cancel()}: returns at once. */
  void cancel() {
    stop(Stop.CANCELED);
  }

  /**
   * The error a failure of a stopped statement is reported as (its cause shown), or null when it
   * was not stopped.
   */
  synchronized SQLException stoppedFailure(Throwable cause) {
    if (stop == null) {
      return null;
    }
    SQLException e = stopped();
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  private synchronized void stop(Stop why) {
    if (stop != null && why == Stop.TIMED_OUT) {
      return;
    }
    stop = why;
    try {
      flag().set(true);
    } catch (SQLException e) {
      // a closed statement: nothing runs that could read the flag
    }
    if (running != null && query) {
      running.interrupt();
    }
  }

  private SQLException stopped() {
    if (stop == Stop.TIMED_OUT) {
      return new SQLTimeoutException(
          "Query timeout: the statement ran longer than its query timeout of "
              + timeoutSeconds
              + " s and was stopped: "
              + ResourceErrors.abbreviate(sql),
          "57014");
    }
    return new SQLException("Statement canceled: " + ResourceErrors.abbreviate(sql), "57014");
  }

  private AtomicBoolean flag() throws SQLException {
    try {
      // Calcite's connection overrides it: the flag of the statement's generated code and scans
      return statement.connection.getCancelFlag(statement.handle);
    } catch (NoSuchStatementException e) {
      throw new SQLException("Statement is closed", "HY010", e);
    }
  }

  /** A statement that only reads: SELECT, WITH, VALUES, EXPLAIN, DESCRIBE, SHOW. */
  static boolean isQuery(String sql) {
    if (sql == null) {
      return false;
    }
    String s = sql.stripLeading();
    while (s.startsWith("(") || s.startsWith("--") || s.startsWith("/*")) {
      if (s.startsWith("(")) {
        s = s.substring(1);
      } else if (s.startsWith("--")) {
        int nl = s.indexOf('\n');
        s = nl < 0 ? "" : s.substring(nl + 1);
      } else {
        int end = s.indexOf("*/");
        s = end < 0 ? "" : s.substring(end + 2);
      }
      s = s.stripLeading();
    }
    String word = s.split("[^A-Za-z]", 2)[0].toUpperCase(Locale.ROOT);
    return switch (word) {
      case "SELECT", "WITH", "VALUES", "EXPLAIN", "DESCRIBE", "SHOW", "TABLE" -> true;
      default -> false;
    };
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread thread = new Thread(r, "delta-jdbc-query-timeout");
              thread.setDaemon(true);
              return thread;
            });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }
}
