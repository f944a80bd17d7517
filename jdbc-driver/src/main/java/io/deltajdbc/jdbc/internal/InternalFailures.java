package io.deltajdbc.jdbc.internal;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;

/**
 * Failures that are not the engine's or Calcite's own errors: JVM errors (a deep expression
 * overflows the parser's or planner's stack), code too large for the JVM, and the runtime
 * exceptions of value conversions. Each becomes an {@link SQLException} with an SQLState and a
 * message that says what to do, so no {@link Error} and no bare "long overflow" reaches a client.
 */
final class InternalFailures {
  /** SQL:2011 class 54 "program limit exceeded": statement too complex. */
  static final String TOO_COMPLEX = "54001";

  private InternalFailures() {}

  /**
   * A limit of the JVM anywhere in the cause chain (stack, code size, memory), or null. Checked
   * before anything else: a parser that overflows its stack reports an empty "syntax error".
   */
  static SQLException limit(Throwable t, String statement) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof StackOverflowError || isCodeTooLarge(c)) {
        return new SQLException(
            "The statement is too complex to compile: its expressions are nested too deeply "
                + "or are too large"
                + statement
                + ". Simplify it, e.g. use IN (...) instead of many ORs, or split it "
                + "into several statements.",
            TOO_COMPLEX,
            c);
      }
      if (c instanceof OutOfMemoryError) {
        // SQL:2011 class 53 "insufficient resources": out of memory.
        return new SQLException(
            "Out of memory while executing the statement"
                + statement
                + ": "
                + message(c)
                + ". Reduce the data it reads (a filter, a LIMIT), or give the JVM more memory (-Xmx).",
            "53200",
            c);
      }
    }
    return null;
  }

  /** A failed value conversion or path anywhere in the cause chain, or null. */
  static SQLException conversion(Throwable t, String statement) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ArithmeticException) {
        return new SQLDataException(
            "Numeric value out of range" + statement + ": " + message(c), "22003", c);
      }
      if (c instanceof NumberFormatException) {
        return new SQLDataException("Invalid number" + statement + ": " + message(c), "22018", c);
      }
      if (c instanceof java.time.DateTimeException) {
        return new SQLDataException(
            "Invalid date or time value" + statement + ": " + message(c), "22008", c);
      }
      if (c instanceof java.net.URISyntaxException) {
        return new SQLSyntaxErrorException(
            "Invalid path or URI" + statement + ": " + message(c), "42000", c);
      }
      String m = c.getMessage() == null ? "" : c.getMessage();
      if (m.startsWith("Invalid DATE value")
          || m.startsWith("Invalid TIMESTAMP value")
          || m.startsWith("Invalid TIME value")
          || m.matches("(?s)Illegal (DATE|TIME|TIMESTAMP) literal.*")) {
        return new SQLDataException(m + statement, "22007", c);
      }
    }
    return null;
  }

  /**
   * " (in: INSERT INTO t ...)": the start of the statement Calcite names in its wrapper message,
   * which names the table; empty when there is none.
   */
  static String statement(Throwable t) {
    String prefix = "Error while executing SQL \"";
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && m.startsWith(prefix)) {
        int end = m.indexOf("\":", prefix.length());
        String sql =
            m.substring(
                prefix.length(), end < 0 ? Math.min(m.length(), prefix.length() + 120) : end);
        return " (in: " + (sql.length() > 120 ? sql.substring(0, 120) + "..." : sql) + ")";
      }
    }
    return "";
  }

  private static boolean isCodeTooLarge(Throwable c) {
    // Janino: "Code grows beyond 64 KB" / "too many constants"; the JVM's own limit on a method.
    String m = c.getMessage();
    return m != null
        && (m.contains("grows beyond 64 KB")
            || m.contains("Code too large")
            || m.contains("too many constants"));
  }

  /** A message for an exception that may have none (a StackOverflowError has none). */
  static String message(Throwable c) {
    String m = c.getMessage();
    if (m == null || m.isBlank()) {
      return c.getClass().getSimpleName();
    }
    // Generated code and SQL text can be megabytes: the first lines say enough.
    return m.length() > 500 ? m.substring(0, 500) + "..." : m;
  }
}
