package io.deltajdbc.jdbc.internal;

import io.deltajdbc.calcite.time.Micros;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Set;

/**
 * DATE and TIMESTAMP columns read from the number Calcite computes with (days, or microseconds
 * since the epoch on the UTC wall clock), in the proleptic Gregorian calendar Delta stores: as
 * {@code java.time} values ({@code getObject(i, LocalDateTime.class)}, JDBC 4.2), as {@code
 * java.sql.Timestamp} to the microsecond ({@code getTimestamp}, {@code getObject}), and as text
 * ({@code 2024-01-01 10:00:00.123456}, Spark's form). Avatica reads the number as milliseconds,
 * refuses the java.time classes and prints a year before 1 as garbage.
 */
final class TemporalResults {
  private static final Set<String> METHODS =
      Set.of("getObject", "getString", "getTimestamp", "getDate");

  /** The answer when Avatica's own is right: the caller invokes the result set itself. */
  static final Object AVATICA = new Object();

  private final ResultSet rs;
  private int[] types;

  TemporalResults(ResultSet rs) {
    this.rs = java.util.Objects.requireNonNull(rs, "rs");
  }

  static boolean handles(String method) {
    return METHODS.contains(method);
  }

  /** The value of one of the {@link #handles handled} getters, or {@link #AVATICA}. */
  Object get(String method, Object[] args) throws SQLException {
    if (args == null
        || args.length == 0
        || args.length > 2
        || !(args[0] instanceof Integer || args[0] instanceof String)) {
      return AVATICA;
    }
    int column = args[0] instanceof Integer i ? i : rs.findColumn((String) args[0]);
    int sqlType = type(column);
    if (sqlType != Types.DATE && sqlType != Types.TIMESTAMP) {
      return AVATICA;
    }
    Object second = args.length == 2 ? args[1] : null;
    Class<?> type =
        switch (method) {
          case "getObject" ->
              second instanceof Class<?> c
                  ? c
                  : second == null
                      ? (sqlType == Types.DATE ? Date.class : Timestamp.class)
                      : null; // getObject(i, Map): Avatica's
          case "getString" -> second == null ? String.class : null;
          case "getTimestamp" -> Timestamp.class;
          case "getDate" -> Date.class;
          default -> null;
        };
    if (type == null
        || !(type == String.class
            || type == Timestamp.class
            || type == Date.class
            || type == LocalDate.class
            || type == LocalDateTime.class
            || type == Instant.class
            || type == OffsetDateTime.class
            || type == java.util.Date.class)) {
      return AVATICA; // getObject(i, Map), getObject(i, Long.class): Avatica's answer
    }
    long n;
    try {
      n = rs.getLong(column);
    } catch (SQLException e) {
      return AVATICA; // not a value Calcite computes as a number (a nested one): Avatica's answer
      // stands
    }
    if (rs.wasNull()) {
      return null;
    }
    Calendar calendar = second instanceof Calendar c ? c : null;
    return sqlType == Types.DATE ? date(column, n, type) : timestamp(n, type, calendar);
  }

  private static Object date(int column, long days, Class<?> type) throws SQLException {
    LocalDate d = LocalDate.ofEpochDay(days);
    if (type == LocalDate.class) {
      return d;
    }
    if (type == String.class) {
      return d.toString();
    }
    if (type == Date.class) {
      return AVATICA;
    }
    return timestamp(Math.multiplyExact(days, Micros.PER_DAY), type, null);
  }

  private static Object timestamp(long micros, Class<?> type, Calendar calendar)
      throws SQLException {
    if (type == String.class) {
      return Micros.format(micros);
    }
    if (type == LocalDateTime.class) {
      return Micros.toLocalDateTime(micros);
    }
    if (type == Instant.class) {
      return Micros.toInstant(micros);
    }
    if (type == OffsetDateTime.class) {
      return Micros.toLocalDateTime(micros).atOffset(ZoneOffset.UTC);
    }
    if (type == LocalDate.class) {
      throw new SQLDataException(
          "This column is a TIMESTAMP; read it as a LocalDateTime, an Instant, an "
              + "OffsetDateTime or a java.sql.Timestamp, not a LocalDate.",
          "22008");
    }
    Instant instant = Micros.toInstant(micros);
    if (calendar != null) {
      // the value is the wall clock of the calendar's zone, as Avatica reads it
      instant = instant.minusMillis(calendar.getTimeZone().getOffset(instant.toEpochMilli()));
    }
    if (type == Date.class) {
      return new Date(instant.toEpochMilli());
    }
    Timestamp t = Timestamp.from(instant);
    return type == java.util.Date.class ? new java.util.Date(t.getTime()) : t;
  }

  /** The JDBC type of a column, read once per result set: getString is called for every value. */
  private int type(int column) throws SQLException {
    if (types == null) {
      var meta = rs.getMetaData();
      types = new int[meta.getColumnCount() + 1];
      for (int i = 1; i < types.length; i++) {
        types[i] = meta.getColumnType(i);
      }
    }
    return column > 0 && column < types.length ? types[column] : Types.OTHER;
  }
}
