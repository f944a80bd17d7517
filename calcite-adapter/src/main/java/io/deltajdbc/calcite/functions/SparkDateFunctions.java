package io.deltajdbc.calcite.functions;

import io.deltajdbc.engine.DeltaErrors;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark SQL's date functions with Spark's (non-ANSI) meaning, as SQL functions of the driver: a
 * null argument or an unknown unit gives null, a text that does not parse gives null. Patterns are
 * Spark's datetime patterns ({@code yyyy-MM-dd HH:mm:ss}, {@code E}, {@code MMM}, English names).
 * Values are wall-clock times (the session time zone is UTC), milliseconds as Calcite keeps them.
 */
public final class SparkDateFunctions {
  private static final ConcurrentHashMap<String, DateTimeFormatter> FORMATTERS =
      new ConcurrentHashMap<>();
  private static final Pattern CAST_DATE =
      Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?(?:[ T].*)?", Pattern.DOTALL);

  private SparkDateFunctions() {}

  /** {@code date_format(ts, pattern)}. */
  public static String dateFormat(Timestamp ts, String pattern) {
    return ts == null || pattern == null ? null : formatter(pattern).format(ts.toLocalDateTime());
  }

  /** {@code date_format(date, pattern)}: the date at midnight. */
  public static String dateFormat(Date date, String pattern) {
    return date == null || pattern == null
        ? null
        : formatter(pattern).format(date.toLocalDate().atStartOfDay());
  }

  /**
   * {@code to_date(text)}: Spark's cast of a text to a date: {@code yyyy}, {@code yyyy-[m]m} or
   * {@code yyyy-[m]m-[d]d}, optionally followed by a time after a space or {@code T}; else null.
   */
  public static Date toDate(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = CAST_DATE.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    try {
      return Date.valueOf(
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
              m.group(3) == null ? 1 : Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code to_date(text, pattern)}: the text parsed with the pattern, else null. */
  public static Date toDate(String text, String pattern) {
    if (text == null || pattern == null) {
      return null;
    }
    try {
      var parsed = formatter(pattern).parse(text.trim());
      return Date.valueOf(
          LocalDate.of(
              parsed.isSupported(ChronoField.YEAR) ? parsed.get(ChronoField.YEAR) : 1970,
              parsed.isSupported(ChronoField.MONTH_OF_YEAR)
                  ? parsed.get(ChronoField.MONTH_OF_YEAR)
                  : 1,
              parsed.isSupported(ChronoField.DAY_OF_MONTH)
                  ? parsed.get(ChronoField.DAY_OF_MONTH)
                  : 1));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code to_date(ts)}: the timestamp's date. */
  public static Date toDate(Timestamp ts) {
    return ts == null ? null : Date.valueOf(ts.toLocalDateTime().toLocalDate());
  }

  /**
   * {@code date_trunc(unit, ts)}: the timestamp truncated to YEAR, QUARTER, MONTH, WEEK, DAY, HOUR,
   * ...; null for others.
   */
  public static Timestamp dateTrunc(String unit, Timestamp ts) {
    if (unit == null || ts == null) {
      return null;
    }
    UnaryOperator<LocalDateTime> f = truncation(unit);
    return f == null ? null : Timestamp.valueOf(f.apply(ts.toLocalDateTime()));
  }

  /** {@code date_trunc(unit, date)}: the date at midnight, truncated. */
  public static Timestamp dateTrunc(String unit, Date date) {
    return date == null
        ? null
        : dateTrunc(unit, Timestamp.valueOf(date.toLocalDate().atStartOfDay()));
  }

  /**
   * {@code trunc(date, unit)}: the date truncated to YEAR, QUARTER, MONTH or WEEK; null for other
   * units.
   */
  public static Date trunc(Date date, String unit) {
    if (date == null || unit == null) {
      return null;
    }
    String u = unit.trim().toUpperCase(Locale.ROOT);
    if (!u.matches("YEAR|YYYY|YY|QUARTER|MONTH|MM|MON|WEEK")) {
      return null;
    }
    return Date.valueOf(truncation(u).apply(date.toLocalDate().atStartOfDay()).toLocalDate());
  }

  private static UnaryOperator<LocalDateTime> truncation(String unit) {
    return switch (unit.trim().toUpperCase(Locale.ROOT)) {
      case "YEAR", "YYYY", "YY" -> t -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
      case "QUARTER" -> t -> t.toLocalDate().with(IsoFields.DAY_OF_QUARTER, 1).atStartOfDay();
      case "MONTH", "MM", "MON" -> t -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
      case "WEEK" ->
          t ->
              t.toLocalDate()
                  .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                  .atStartOfDay();
      case "DAY", "DD" -> t -> t.truncatedTo(ChronoUnit.DAYS);
      case "HOUR" -> t -> t.truncatedTo(ChronoUnit.HOURS);
      case "MINUTE" -> t -> t.truncatedTo(ChronoUnit.MINUTES);
      case "SECOND" -> t -> t.truncatedTo(ChronoUnit.SECONDS);
      case "MILLISECOND" -> t -> t.truncatedTo(ChronoUnit.MILLIS);
      case "MICROSECOND" -> t -> t.truncatedTo(ChronoUnit.MICROS);
      default -> null;
    };
  }

  private static DateTimeFormatter formatter(String pattern) {
    return FORMATTERS.computeIfAbsent(
        pattern,
        p -> {
          try {
            return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(p)
                .toFormatter(Locale.US)
                .withResolverStyle(ResolverStyle.SMART);
          } catch (IllegalArgumentException e) {
            throw DeltaErrors.invalidArgument(
                "'" + p + "' is not a datetime pattern: " + e.getMessage());
          }
        });
  }
}
