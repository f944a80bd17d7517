package io.deltajdbc.jdbc.internal;

import io.deltajdbc.calcite.time.Micros;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Calendar;

/**
 * {@code setObject} of a {@code java.time} value (JDBC 4.2), as the value Calcite computes with: a
 * DATE as days since the epoch, a TIMESTAMP as microseconds of the UTC wall clock (the connection's
 * time zone), a TIME as milliseconds of the day. Avatica hands such objects on unchanged, and
 * Calcite's generated code then fails with a ClassCastException. A {@code java.sql.Timestamp}
 * ({@code setTimestamp}, {@code setObject}) is bound the same way, to the microsecond: Avatica
 * would cut it to milliseconds.
 *
 * <p>Values are converted exactly (proleptic Gregorian, so {@code LocalDate.of(-5000, 1, 1)} stays
 * that day; digits below the microsecond are cut, as Spark cuts them) or refused with SQLState
 * 22008: a time of day for a DATE, an instant beyond Delta's range of microseconds in a long.
 */
final class TemporalParameters {
  private TemporalParameters() {}

  /**
   * Binds {@code setObject(index, value[, targetType[, scale]])} when the value is a java.time
   * value (the target type is the statement's own parameter type then); false for any other call.
   */
  static boolean setObject(PreparedStatement statement, Object[] args) throws SQLException {
    if (args == null || args.length < 2 || !(args[0] instanceof Integer index)) {
      return false;
    }
    if (args[1] instanceof Timestamp ts) {
      return setTimestamp(statement, new Object[] {index, ts});
    }
    if (!(args[1] instanceof Temporal)) {
      return false;
    }
    statement.setObject(index, convert(statement.getParameterMetaData(), index, args[1]));
    return true;
  }

  /**
   * Binds {@code setTimestamp(index, ts[, calendar])} to the microsecond where the parameter is a
   * TIMESTAMP: the instant, moved by the calendar's offset as Avatica moves it (a calendar names
   * the zone of the wall clock the value is meant in). A value beyond Delta's range is bound as its
   * {@code Instant}, for the statement to refuse naming its column. False for a parameter of
   * another type: Avatica binds it as it does.
   */
  static boolean setTimestamp(PreparedStatement statement, Object[] args) throws SQLException {
    if (args == null
        || args.length < 2
        || !(args[0] instanceof Integer index)
        || !(args[1] instanceof Timestamp ts)) {
      return false;
    }
    int type = statement.getParameterMetaData().getParameterType(index);
    if (type != Types.TIMESTAMP && type != Types.TIMESTAMP_WITH_TIMEZONE) {
      return false;
    }
    Instant instant = ts.toInstant();
    try {
      long micros = Micros.of(instant);
      if (args.length > 2 && args[2] instanceof Calendar calendar) {
        micros =
            Math.addExact(
                micros, calendar.getTimeZone().getOffset(ts.getTime()) * Micros.PER_MILLI);
      }
      statement.setObject(index, micros);
    } catch (ArithmeticException e) {
      statement.setObject(index, instant);
    }
    return true;
  }

  /**
   * The value to bind for parameter {@code index}; {@code value} itself unless it is a java.time
   * value.
   */
  static Object convert(ParameterMetaData meta, int index, Object value) throws SQLException {
    if (!(value instanceof Temporal)) {
      return value;
    }
    int type = meta.getParameterType(index);
    return switch (type) {
      case Types.DATE -> days(index, value);
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> micros(index, value);
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> millisOfDay(index, value);
      case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR -> value.toString();
      default -> value;
    };
  }

  private static Object days(int index, Object value) throws SQLException {
    LocalDateTime t = localDateTime(index, value);
    if (!t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      throw refused(index, value, "a DATE parameter has no time of day; pass a LocalDate");
    }
    long days = t.toLocalDate().toEpochDay();
    if (days != (int) days) {
      throw refused(index, value, "it is out of the range of a DATE");
    }
    return (int) days;
  }

  private static Object micros(int index, Object value) throws SQLException {
    LocalDateTime t = localDateTime(index, value);
    try {
      // Delta stores microseconds since the epoch in a long: the writer's range, checked up front.
      return Micros.of(t);
    } catch (ArithmeticException e) {
      throw refused(index, value, "it is out of the range of a TIMESTAMP");
    }
  }

  private static Object millisOfDay(int index, Object value) throws SQLException {
    if (!(value instanceof LocalTime t)) {
      throw refused(index, value, "a TIME parameter takes a LocalTime");
    }
    if (t.getNano() % 1_000_000 != 0) {
      throw refused(index, value, "TIME parameters have millisecond precision");
    }
    return (int) (t.toNanoOfDay() / 1_000_000);
  }

  /** The value on the connection's UTC wall clock: an instant in UTC, a local value as it is. */
  private static LocalDateTime localDateTime(int index, Object value) throws SQLException {
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof OffsetDateTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (value instanceof ZonedDateTime t) {
      return t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (value instanceof Instant i) {
      try {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
      } catch (java.time.DateTimeException e) {
        throw refused(index, value, "it is out of the range of a TIMESTAMP");
      }
    }
    throw refused(
        index, value, "a " + value.getClass().getSimpleName() + " is not a date or timestamp");
  }

  private static SQLException refused(int index, Object value, String why) {
    return new SQLDataException(
        "Parameter "
            + index
            + " ("
            + value
            + ", "
            + value.getClass().getSimpleName()
            + ") cannot be bound: "
            + why
            + ".",
        "22008");
  }
}
