package io.deltajdbc.jdbc.internal;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.ErrorCode;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.regex.Pattern;

/**
 * The driver's one error factory: every failure reaches the caller as an {@link SQLException} with
 * an SQLState, translated from the engine's {@link DeltaException} or Calcite's parse and
 * validation errors found anywhere in the cause chain; JVM limits and internal exceptions by {@link
 * InternalFailures}. Whatever is left is HY000, never an SQLException without a state.
 */
public final class JdbcErrors {
  private JdbcErrors() {}

  public static SQLException translate(Throwable t) {
    String statement = InternalFailures.statement(t);
    SQLException limit = InternalFailures.limit(t, statement);
    if (limit != null) {
      return limit;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof DeltaException d) {
        if (d.code() == ErrorCode.CONCURRENT_MODIFICATION) {
          return new SQLTransactionRollbackException(d.getMessage(), d.sqlState(), d);
        }
        return new SQLException(d.getMessage(), d.sqlState(), d);
      }
      String name = c.getClass().getName();
      String msg = c.getMessage() == null ? "" : c.getMessage();
      if (name.equals("org.apache.calcite.sql.parser.SqlParseException")) {
        return new SQLSyntaxErrorException(
            SyntaxErrors.message((org.apache.calcite.sql.parser.SqlParseException) c), "42000", c);
      }
      if (name.equals("org.apache.calcite.sql.validate.SqlValidatorException")) {
        String where =
            t.getMessage() != null && t.getMessage().contains("From line") ? position(t) : "";
        if (msg.startsWith("Object '") && msg.contains("not found")) {
          return new SQLSyntaxErrorException("Table not found: " + msg + where, "42S02", t);
        }
        if (msg.startsWith("Column '") && msg.contains("not found")) {
          return new SQLSyntaxErrorException("Column not found: " + msg + where, "42S22", t);
        }
        return new SQLSyntaxErrorException(msg + where, "42000", t);
      }
      if (msg.startsWith("Statement canceled")) {
        return new SQLException(msg, "57014", t);
      }
      if (msg.startsWith("Query timeout")) {
        return new SQLTimeoutException(msg, "57014", t);
      }
    }
    SQLException conversion = InternalFailures.conversion(t, statement);
    if (conversion != null) {
      return conversion;
    }
    if (t instanceof SQLException s && s.getSQLState() != null && s.getMessage() != null) {
      return s;
    }
    // Calcite's validation errors that are no SqlValidatorException (a bad literal, a bad cast).
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getClass().getName().equals("org.apache.calcite.runtime.CalciteContextException")) {
        return new SQLSyntaxErrorException(InternalFailures.message(c), "42000", t);
      }
    }
    return new SQLException(InternalFailures.message(t), "HY000", t);
  }

  /**
   * {@link #translate} of a failure of {@code call} ({@code "Connection.setSavepoint()"}): where
   * Avatica or Calcite gave no message (a bare {@code UnsupportedOperationException} or {@code
   * SQLFeatureNotSupportedException}), the message names the call, with 0A000 when it is not
   * supported.
   */
  public static SQLException translate(Throwable t, String call) {
    SQLException e = translate(t);
    String m = e.getMessage();
    if (m != null && !m.isBlank() && !BARE_CLASS_NAME.matcher(m.trim()).matches()) {
      return e;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UnsupportedOperationException
          || c instanceof SQLFeatureNotSupportedException) {
        return new SQLFeatureNotSupportedException(
            call + " is not supported by delta-jdbc.", "0A000", t);
      }
    }
    String state = e.getSQLState() == null ? "HY000" : e.getSQLState();
    return new SQLException(
        call + " failed: " + t.getClass().getName() + " without a message.", state, t);
  }

  private static final Pattern BARE_CLASS_NAME =
      Pattern.compile("([a-z0-9_]+\\.)*[A-Z][A-Za-z0-9_$]*(Exception|Error)");

  /** "From line 1, column 15 to line 1, column 19" of a Calcite context error, as " (at ...)". */
  private static String position(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && m.startsWith("From line")) {
        int colon = m.indexOf(':');
        return " (" + (colon > 0 ? m.substring(0, colon) : m) + ")";
      }
    }
    return "";
  }

  public static SQLException connectFailed(String url, String why, Throwable cause) {
    return new SQLException("Cannot connect to " + url + ": " + why, "08001", cause);
  }

  /**
   * A delta-server refused a thin-client connection: the server's SQLState when it sent one (28000
   * for credentials, 42501 for a property or catalog it refuses), else 08001.
   */
  public static SQLException serverRefused(
      String server, String why, String state, Throwable cause) {
    return new SQLException(
        "Cannot connect to the delta-server at " + server + ": " + why,
        state == null || state.isEmpty() || state.equals("00000") ? "08001" : state,
        cause);
  }
}
