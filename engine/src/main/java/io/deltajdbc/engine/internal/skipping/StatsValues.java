package io.deltajdbc.engine.internal.skipping;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a statistics value as the column's type. Values that do not parse as that type (for
 * instance written before a type change) are unknown, so they never cause a file to be skipped.
 */
final class StatsValues {
  /** Timestamp statistics are truncated to milliseconds; the maximum is widened by one. */
  private static final Duration TIMESTAMP_MAX_SLACK = Duration.ofMillis(1);

  private StatsValues() {}

  static Object min(JsonNode n, DataType type) {
    return read(n, type, false);
  }

  static Object max(JsonNode n, DataType type) {
    return read(n, type, true);
  }

  private static Object read(JsonNode n, DataType type, boolean isMax) {
    if (n == null) {
      return null;
    }
    try {
      if (type instanceof DecimalType) {
        return n.isNumber() ? n.decimalValue() : null;
      }
      if (!(type instanceof PrimitiveType p)) {
        return null;
      }
      return switch (p) {
        case LONG, INTEGER, SHORT, BYTE -> n.isIntegralNumber() ? (Object) n.asLong() : null;
        case FLOAT, DOUBLE -> n.isNumber() ? (Object) n.asDouble() : null;
        case STRING -> n.isTextual() ? n.asText() : null;
        case DATE -> n.isTextual() ? LocalDate.parse(n.asText()) : null;
        case TIMESTAMP ->
            n.isTextual() ? widen(OffsetDateTime.parse(n.asText()).toInstant(), isMax) : null;
        case TIMESTAMP_NTZ -> n.isTextual() ? widenNtz(parseNtz(n.asText()), isMax) : null;
        default -> null;
      };
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  private static LocalDateTime parseNtz(String s) {
    return LocalDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s);
  }

  private static Instant widen(Instant i, boolean isMax) {
    return isMax ? i.plus(TIMESTAMP_MAX_SLACK) : i;
  }

  private static LocalDateTime widenNtz(LocalDateTime t, boolean isMax) {
    return isMax ? t.plus(TIMESTAMP_MAX_SLACK) : t;
  }
}
