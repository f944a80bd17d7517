package io.deltajdbc.engine.internal.expressions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The ordering of values as Delta and Spark define it: numbers by value across their Java classes,
 * strings by code point (which is UTF-8 byte order), binary unsigned byte by byte, dates and
 * timestamps in time.
 */
public final class Values {
  private Values() {}

  /** Compares two non-null values; throws IllegalArgumentException when they are not comparable. */
  public static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return compareNumbers(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return compareStrings(x, y);
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return java.util.Arrays.compareUnsigned(x, y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return x.compareTo(y);
    }
    Object ta = temporal(a);
    Object tb = temporal(b);
    if (ta instanceof Instant x && tb instanceof Instant y) {
      return x.compareTo(y);
    }
    if (ta instanceof LocalDateTime x && tb instanceof LocalDateTime y) {
      return x.compareTo(y);
    }
    throw new IllegalArgumentException("cannot compare " + describe(a) + " with " + describe(b));
  }

  /** Dates compare with timestamps as their midnight, as in SQL. */
  private static Object temporal(Object v) {
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    return v;
  }

  /** Whether two values are comparable at all (same family of types). */
  public static boolean comparable(Object a, Object b) {
    try {
      compare(a, b);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int compareNumbers(Number x, Number y) {
    if (isIntegral(x) && isIntegral(y)) {
      return Long.compare(x.longValue(), y.longValue());
    }
    if ((x instanceof Double || x instanceof Float)
        || (y instanceof Double || y instanceof Float)) {
      double dx = x.doubleValue();
      double dy = y.doubleValue();
      return Double.compare(dx, dy) == 0 || dx == dy ? 0 : Double.compare(dx, dy);
    }
    return toBigDecimal(x).compareTo(toBigDecimal(y));
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  static BigDecimal toBigDecimal(Number n) {
    return n instanceof BigDecimal b
        ? b
        : isIntegral(n) ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.toString());
  }

  /** Code-point order, the same as comparing the UTF-8 bytes. */
  public static int compareStrings(String x, String y) {
    // UTF-16 order is code point order up to the first differing char unless a surrogate is
    // involved there: then compare by code points from the start.
    int n = Math.min(x.length(), y.length());
    for (int k = 0; k < n; k++) {
      char a = x.charAt(k);
      char b = y.charAt(k);
      if (a != b) {
        if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
          return compareCodePoints(x, y);
        }
        return Integer.compare(a, b);
      }
    }
    // One is a prefix of the other in UTF-16: the shorter is smaller in code points too (it ends
    // at a code point boundary of the longer, or with a lone high surrogate below its pair).
    return Integer.compare(x.length(), y.length());
  }

  private static int compareCodePoints(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int cx = x.codePointAt(i);
      int cy = y.codePointAt(j);
      if (cx != cy) {
        return Integer.compare(cx, cy);
      }
      i += Character.charCount(cx);
      j += Character.charCount(cy);
    }
    return Integer.compare(x.length() - i, y.length() - j);
  }

  /** Instants and local date-times compared by one clock: a local date-time taken as UTC. */
  public static Instant asInstant(Object v) {
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    throw new IllegalArgumentException("not a timestamp: " + describe(v));
  }

  private static String describe(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
  }
}
