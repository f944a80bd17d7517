package io.deltajdbc.calcite.changes;

import io.deltajdbc.calcite.time.Micros;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.changes.ChangeBound;
import java.math.BigDecimal;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/**
 * The start or end argument of {@code table_changes} as a {@link ChangeBound}: an integer is a
 * version; a string ({@code '2024-01-01 10:00:00'}) or a TIMESTAMP literal a time, read as UTC as
 * {@code TIMESTAMP AS OF} reads it.
 */
final class ChangeBounds {
  private ChangeBounds() {}

  static ChangeBound of(Object literal, String which, String table) {
    if (literal == null) {
      throw DeltaErrors.invalidArgument(
          "table_changes('" + table + "', ...) needs a " + which + ": a version or a timestamp.");
    }
    try {
      if (literal instanceof BigDecimal d) {
        return new ChangeBound.Version(d.longValueExact());
      }
      if (literal instanceof Number n) {
        return new ChangeBound.Version(n.longValue());
      }
      if (literal instanceof TimestampString ts) {
        return new ChangeBound.Timestamp(Micros.toInstant(Micros.of(ts)));
      }
      String text = literal instanceof NlsString s ? s.getValue() : literal.toString();
      return new ChangeBound.Timestamp(Micros.toInstant(Micros.parse(text)));
    } catch (ArithmeticException | IllegalArgumentException e) {
      throw DeltaErrors.invalidArgument(
          "table_changes('"
              + table
              + "', ...): the "
              + which
              + " "
              + literal
              + " is neither a version (0 or more) nor a timestamp ('yyyy-MM-dd HH:mm:ss'). "
              + e.getMessage());
    }
  }
}
