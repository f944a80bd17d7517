package io.deltajdbc.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * DATE and TIMESTAMP columns read as {@code java.time} values ({@code getObject(i, LocalDate.class)},
 * JDBC 4.2), and as strings, from the number Calcite computes with (days or milliseconds since the
 * epoch), in the proleptic Gregorian calendar Delta stores. Avatica refuses the java.time classes
 * and prints a year before 1 as garbage ({@code +000-01-04} for -5000-01-01).
 */
final class TemporalResults {
  /** Avatica's own TIMESTAMP(3) text, kept for the years it prints right. */
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

  /** The answer when Avatica's own is right: the caller invokes the result set itself. */
  static final Object AVATICA = new Object();

  private final ResultSet rs;
  private int[] types;

  TemporalResults(ResultSet rs) {
    this.rs = java.util.Objects.requireNonNull(rs, "rs");
  }

  /** The value of {@code getObject(column, type)} or {@code getString(column)}, or {@link #AVATICA}. */
  Object get(String method, Object[] args) throws SQLException {
    boolean typed = method.equals("getObject") && args != null && args.length == 2 && args[1] instanceof Class;
    boolean string = method.equals("getString") && args != null && args.length == 1;
    if (!typed && !string) {
      return AVATICA;
    }
    int column = args[0] instanceof Integer i ? i : rs.findColumn((String) args[0]);
    int sqlType = type(column);
    if (sqlType != Types.DATE && sqlType != Types.TIMESTAMP) {
      return AVATICA;
    }
    Class<?> type = typed ? (Class<?>) args[1] : String.class;
    if (typed && type != LocalDate.class && type != LocalDateTime.class && type != Instant.class
        && type != OffsetDateTime.class) {
      return AVATICA;
    }
    long n;
    try {
      n = rs.getLong(column);
    } catch (SQLException e) {
      return AVATICA; // not a value Calcite computes as a number (a nested one): Avatica's answer stands
    }
    if (rs.wasNull()) {
      return null;
    }
    LocalDateTime t = sqlType == Types.DATE ? LocalDate.ofEpochDay(n).atStartOfDay()
        : LocalDateTime.ofEpochSecond(Math.floorDiv(n, 1000), (int) Math.floorMod(n, 1000) * 1_000_000, ZoneOffset.UTC);
    if (string) {
      if (sqlType == Types.DATE) {
        return t.toLocalDate().toString();
      }
      // Avatica's text for years 1 to 9999; before year 1 and after 9999 our own, with a sign.
      return t.getYear() >= 1 && t.getYear() <= 9999 ? AVATICA : TIMESTAMP.format(t);
    }
    if (type == LocalDate.class) {
      if (sqlType != Types.DATE) {
        throw new SQLDataException("Column " + column + " is a TIMESTAMP; read it as a LocalDateTime, an Instant "
            + "or an OffsetDateTime, not a LocalDate.", "22008");
      }
      return t.toLocalDate();
    }
    if (type == LocalDateTime.class) {
      return t;
    }
    return type == Instant.class ? t.toInstant(ZoneOffset.UTC) : t.atOffset(ZoneOffset.UTC);
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
