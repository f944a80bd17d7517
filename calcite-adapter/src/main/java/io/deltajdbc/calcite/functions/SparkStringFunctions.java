package io.deltajdbc.calcite.functions;

/**
 * Spark SQL's {@code concat} of texts: null when any argument is null (Calcite's Spark library has
 * no {@code concat}; its MySQL one is not enabled). One overload per argument count, up to eight.
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

  public static String concat(String a, String b, String c, String d, String e, String f, String g) {
    return join(a, b, c, d, e, f, g);
  }

  public static String concat(String a, String b, String c, String d, String e, String f, String g, String h) {
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
}
