package io.deltajdbc.calcite.time;

import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.linq4j.function.Strict;

/**
 * What the generated code of a statement calls on timestamps of microseconds: public because
 * Calcite's generated classes call these methods by name. Each returns null for a null argument.
 */
public final class MicrosFunctions {
  private MicrosFunctions() {}

  /** A value already in microseconds, typed as a timestamp (a literal, a value of a VALUES row). */
  @Strict
  public static long micros(long micros) {
    return micros;
  }

  /** A timestamp's value as a number, for folding constants. */
  @Strict
  public static long bigint(long micros) {
    return micros;
  }

  /** For Calcite's own operators on timestamps, which compute with milliseconds. */
  @Strict
  public static long toMillis(long micros) {
    return Math.floorDiv(micros, Micros.PER_MILLI);
  }

  @Strict
  public static long fromMillis(long millis) {
    return Math.multiplyExact(millis, Micros.PER_MILLI);
  }

  @Strict
  public static long parse(String text) {
    return Micros.parse(text);
  }

  @Strict
  public static String format(long micros) {
    return Micros.format(micros);
  }

  /** A timestamp plus a day-time interval, which Calcite holds in milliseconds. */
  @Strict
  public static long plusMillis(long micros, long millis) {
    return Math.addExact(micros, Math.multiplyExact(millis, Micros.PER_MILLI));
  }

  @Strict
  public static long minusMillis(long micros, long millis) {
    return Math.subtractExact(micros, Math.multiplyExact(millis, Micros.PER_MILLI));
  }

  /** A timestamp plus months: the day clipped to the month's last, as Spark's add_months does. */
  @Strict
  public static long plusMonths(long micros, int months) {
    long millis = DateTimeUtils.addMonths(toMillis(micros), months);
    return Math.addExact(fromMillis(millis), Math.floorMod(micros, Micros.PER_MILLI));
  }

  @Strict
  public static int toDate(long micros) {
    return Math.toIntExact(Math.floorDiv(micros, Micros.PER_DAY));
  }

  @Strict
  public static long fromDate(int days) {
    return Math.multiplyExact((long) days, Micros.PER_DAY);
  }

  /** A timestamp cut to a coarser precision: {@code unit} microseconds (1000 for TIMESTAMP(3)). */
  @Strict
  public static long truncate(long micros, long unit) {
    return Math.floorDiv(micros, unit) * unit;
  }
}
