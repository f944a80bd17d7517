package io.deltajdbc.calcite.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.util.TimestampString;

/**
 * A timestamp as Delta stores it and as statements compute it here: microseconds since 1970-01-01
 * 00:00:00 on the UTC wall clock, in the proleptic Gregorian calendar. The text form is Spark's:
 * {@code 2024-01-01 10:00:00.123456}, trailing zeros of the fraction dropped.
 */
public final class Micros {
  public static final long PER_MILLI = 1_000L;
  public static final long PER_SECOND = 1_000_000L;
  public static final long PER_DAY = 86_400_000_000L;

  /**
   * What CAST(text AS TIMESTAMP) accepts, as Spark does: a date, optionally a time (T or a space),
   * a fraction of up to 9 digits (cut to microseconds), optionally Z or an offset.
   */
  private static final Pattern TEXT =
      Pattern.compile(
          "([+-]?\\d{4,6})-(\\d{1,2})-(\\d{1,2})"
              + "(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{0,9}))?)?)?"
              + "\\s*(Z|UTC|[+-]\\d{1,2}(?::?\\d{2})?)?");

  private Micros() {}

  public static long of(LocalDateTime t) {
    return of(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
  }

  public static long of(Instant i) {
    return of(i.getEpochSecond(), i.getNano());
  }

  private static long of(long epochSecond, int nanos) {
    return Math.addExact(Math.multiplyExact(epochSecond, PER_SECOND), nanos / 1_000);
  }

  /**
   * The microseconds of a literal's value; digits below the microsecond are cut, as Spark cuts
   * them.
   */
  public static long of(TimestampString ts) {
    return of(LocalDateTime.parse(ts.toString().replace(' ', 'T')));
  }

  public static LocalDateTime toLocalDateTime(long micros) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(micros, PER_SECOND),
        (int) Math.floorMod(micros, PER_SECOND) * 1_000,
        ZoneOffset.UTC);
  }

  public static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000);
  }

  /** The literal of a value, to the microsecond. */
  public static TimestampString timestampString(long micros) {
    LocalDateTime t = toLocalDateTime(micros);
    TimestampString ts =
        new TimestampString(
            t.getYear(),
            t.getMonthValue(),
            t.getDayOfMonth(),
            t.getHour(),
            t.getMinute(),
            t.getSecond());
    return t.getNano() == 0 ? ts : ts.withNanos(t.getNano());
  }

  /** Spark's text of a timestamp: {@code 2024-01-01 10:00:00}, {@code 2024-01-01 10:00:00.1234}. */
  public static String format(long micros) {
    LocalDateTime t = toLocalDateTime(micros);
    StringBuilder b = new StringBuilder(26);
    int year = t.getYear();
    if (year < 0) {
      b.append('-');
    } else if (year > 9999) {
      b.append('+');
    }
    pad(b, Math.abs(year), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append(' ');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2);
    int fraction = t.getNano() / 1_000;
    if (fraction != 0) {
      int digits = 6;
      while (fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
      b.append('.');
      pad(b, fraction, digits);
    }
    return b.toString();
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  /**
   * The value of a timestamp's text; an {@link IllegalArgumentException} naming the text when it is
   * not one.
   */
  public static long parse(String text) {
    Matcher m = TEXT.matcher(text.trim());
    if (!m.matches()) {
      throw invalid(text, "expected yyyy-MM-dd[ HH:mm[:ss[.ffffff]]]");
    }
    try {
      LocalDate day =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      LocalTime time = LocalTime.MIDNIGHT;
      if (m.group(4) != null) {
        String fraction = m.group(7) == null ? "" : m.group(7);
        int nanos =
            fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
        time =
            LocalTime.of(
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                nanos / 1_000 * 1_000);
      }
      LocalDateTime t = LocalDateTime.of(day, time);
      String zone = m.group(8);
      if (zone != null && !zone.equals("Z") && !zone.equals("UTC")) {
        t =
            t.atOffset(
                    ZoneOffset.of(
                        zone.length() == 2 ? zone.charAt(0) + "0" + zone.charAt(1) : zone))
                .withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
      }
      return of(t);
    } catch (DateTimeException | ArithmeticException e) {
      throw invalid(text, e.getMessage());
    }
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("Invalid TIMESTAMP value '" + text + "': " + why);
  }
}
