package io.deltajdbc.engine.actions;

import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Decodes and encodes partition values as the protocol serializes them: null (or an empty string)
 * is SQL NULL; timestamps as {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in UTC or ISO-8601 with an
 * offset.
 */
public final class PartitionValues {
  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();
  private static final DateTimeFormatter WRITE =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
          .optionalEnd()
          .toFormatter();

  private PartitionValues() {}

  /**
   * The value of a serialized partition value; IllegalArgumentException when it does not parse.
   * Zone-less timestamps are read in {@code zone}, the writer's time zone.
   */
  public static Object decode(String raw, DataType type, ZoneId zone) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      if (type instanceof DecimalType d) {
        return new BigDecimal(raw).setScale(d.scale());
      }
      return switch ((PrimitiveType) type) {
        case STRING -> raw;
        case LONG -> Long.parseLong(raw);
        case INTEGER -> Integer.parseInt(raw);
        case SHORT -> Short.parseShort(raw);
        case BYTE -> Byte.parseByte(raw);
        case FLOAT -> Float.parseFloat(raw);
        case DOUBLE -> Double.parseDouble(raw);
        case BOOLEAN -> parseBoolean(raw);
        case BINARY -> raw.getBytes(StandardCharsets.UTF_8);
        case DATE -> LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
        case TIMESTAMP -> timestamp(raw, zone);
        case TIMESTAMP_NTZ -> timestampNtz(raw);
        case VARIANT, VOID ->
            throw new IllegalArgumentException("type " + type + " cannot be a partition column");
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("partition value '" + raw + "' is not a valid " + type, e);
    }
  }

  private static Boolean parseBoolean(String raw) {
    if (raw.equalsIgnoreCase("true")) {
      return true;
    }
    if (raw.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("partition value '" + raw + "' is not a boolean");
  }

  private static Instant timestamp(String raw, ZoneId zone) {
    if (raw.indexOf('T') > 0) {
      return OffsetDateTime.parse(raw).toInstant();
    }
    return LocalDateTime.parse(raw, LOCAL).atZone(zone).toInstant();
  }

  private static LocalDateTime timestampNtz(String raw) {
    if (raw.indexOf('T') > 0) {
      return LocalDateTime.parse(raw.endsWith("Z") ? raw.substring(0, raw.length() - 1) : raw);
    }
    return LocalDateTime.parse(raw, LOCAL);
  }

  /**
   * The serialized form of a value, as Spark writes it; null stays null. Timestamps are written
   * zone-less in {@code zone}, as Spark writes them in its session time zone.
   */
  public static String encode(Object value, ZoneId zone) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return WRITE.format(LocalDateTime.ofInstant(i, zone));
    }
    if (value instanceof LocalDateTime l) {
      return WRITE.format(l);
    }
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (value instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return value.toString();
  }
}
