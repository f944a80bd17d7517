package io.deltajdbc.engine.internal.write;

/**
 * Truncation of string statistics to a prefix length, as Delta does it: the minimum is cut to a
 * prefix (still a lower bound); the maximum is cut and given a tie-breaker character so that it
 * stays an upper bound in UTF-8 byte order, or dropped when no short bound exists.
 */
final class StringBounds {
  private static final char ASCII_MAX = '\u007F';
  private static final String UTF8_MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

  private StringBounds() {}

  static String truncateMin(String s, int prefix) {
    if (s == null || s.length() <= prefix) {
      return s;
    }
    if (prefix <= 0) {
      return null;
    }
    boolean splitsPair =
        Character.isHighSurrogate(s.charAt(prefix - 1))
            && Character.isLowSurrogate(s.charAt(prefix));
    return s.substring(0, splitsPair ? prefix + 1 : prefix);
  }

  /** The truncated upper bound, or null when none of at most twice the prefix length exists. */
  static String truncateMax(String s, int prefix) {
    if (s == null || s.length() <= prefix) {
      return s;
    }
    if (prefix <= 0) {
      return null;
    }
    int len = truncateMin(s, prefix).length();
    while (len <= 2 * prefix) {
      if (len >= s.length()) {
        return s;
      }
      if (len + 1 < s.length() && s.startsWith(UTF8_MAX, len)) {
        len += 2;
      } else if (s.charAt(len) < ASCII_MAX) {
        return s.substring(0, len) + ASCII_MAX;
      } else {
        return s.substring(0, len) + UTF8_MAX;
      }
    }
    return null;
  }
}
