package io.deltajdbc.calcite.functions;

/**
 * Spark SQL's {@code concat} of texts: null when any argument is null (Calcite's Spark library has
 * no {@code concat}; its MySQL one is not enabled). One overload per argument count, up to eight.
 * And Spark's {@code substr}, which Calcite has only in other dialects' libraries.
 */
public final class SparkStringFunctions {
  private SparkStringFunctions() {}

  public static String concat(String a) {
    return a;
  }

  public static String concat(String a, String b) {
    return join(a, b);
  }

  public static String concat(String a, String b, String c) {
    return join(a, b, c);
  }

  public static String concat(String a, String b, String c, String d) {
    return join(a, b, c, d);
  }

  public static String concat(String a, String b, String c, String d, String e) {
    return join(a, b, c, d, e);
  }

  public static String concat(String a, String b, String c, String d, String e, String f) {
    return join(a, b, c, d, e, f);
  }

  public static String concat(
      String a, String b, String c, String d, String e, String f, String g) {
    return join(a, b, c, d, e, f, g);
  }

  public static String concat(
      String a, String b, String c, String d, String e, String f, String g, String h) {
    return join(a, b, c, d, e, f, g, h);
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p == null) {
        return null;
      }
      sb.append(p);
    }
    return sb.toString();
  }

  /**
   * {@code substr(text, pos)}: from character {@code pos} (1-based; 0 is 1; negative counts from
   * the end) on.
   */
  public static String substr(String text, Integer pos) {
    return substr(text, pos, Integer.MAX_VALUE);
  }

  /**
   * {@code substr(text, pos, len)} as Spark computes it: {@code len} characters (code points) from
   * {@code pos}; empty when {@code len <= 0} or the range lies before the text; null when an
   * argument is null.
   */
  public static String substr(String text, Integer pos, Integer len) {
    if (text == null || pos == null || len == null) {
      return null;
    }
    int chars = text.codePointCount(0, text.length());
    long start = pos > 0 ? pos - 1L : pos < 0 ? chars + (long) pos : 0;
    long end = Math.min(start + len, chars);
    start = Math.max(start, 0);
    if (start >= end) {
      return "";
    }
    return text.substring(
        text.offsetByCodePoints(0, (int) start), text.offsetByCodePoints(0, (int) end));
  }
}
