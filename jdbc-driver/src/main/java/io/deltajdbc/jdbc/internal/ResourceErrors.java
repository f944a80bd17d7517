package io.deltajdbc.jdbc.internal;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statement-boundary form of running out of resources: an {@link OutOfMemoryError} of a
 * statement (a sort or hash aggregate Calcite holds in memory) reaches the caller as an {@link
 * SQLException} with SQLState 53200 naming the statement's tables and what to do, instead of an
 * {@code Error} that ends the client's thread. By the time it is thrown here the statement's rows
 * are unreachable (its frames have unwound), so the JVM has its memory back. This is the one
 * specific mapping {@link JdbcErrors} defers to; other {@code Error}s are its business.
 */
final class ResourceErrors {
  private static final Pattern TABLE =
      Pattern.compile(
          "(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(\"[^\"]+\"(?:\\.\"[^\"]+\")?|`[^`]+`|[A-Za-z_][\\w.@]*)");
  private static final int SHOWN = 200;

  private ResourceErrors() {}

  /** The SQLException for {@code t} when an OutOfMemoryError is in its cause chain, else null. */
  static SQLException outOfMemory(Throwable t, String sql) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError oom) {
        DeltaException d =
            DeltaErrors.outOfMemory(
                tables(sql), "java.lang.OutOfMemoryError: " + oom.getMessage(), oom);
        return new SQLException(d.getMessage(), d.sqlState(), d);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  /** The tables a statement names, as "table a" or "tables a, b", or the statement itself. */
  static String tables(String sql) {
    if (sql == null) {
      return "the statement";
    }
    Set<String> names = new LinkedHashSet<>();
    Matcher m = TABLE.matcher(sql);
    while (m.find()) {
      String name = m.group(1);
      if (!name.equalsIgnoreCase("SELECT") && !name.equalsIgnoreCase("LATERAL")) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      return "the statement \"" + abbreviate(sql) + "\"";
    }
    return (names.size() == 1 ? "table " : "tables ") + String.join(", ", names);
  }

  /** The statement's text for a message: one line, at most 200 characters. */
  static String abbreviate(String sql) {
    if (sql == null) {
      return "(no statement)";
    }
    String s = sql.replaceAll("\\s+", " ").strip();
    return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "...";
  }
}
