package io.deltajdbc.engine.dml;

import java.util.Optional;

/**
 * A scan of Spark SQL text with the rules of Spark's lexer for what hides other text: strings
 * ({@code '...'} and {@code "..."} with backslash escapes, raw {@code r'...'} without), backtick
 * identifiers ({@code ``} escapes a backtick) and comments. It finds comments outside those, and
 * quotes left open. Both matter because the engine splices texts into larger expressions: a {@code
 * --} at the end of one text would swallow the rest of its line, and an open quote would join the
 * next text to a string, so that what each text means alone is not what runs.
 */
final class SparkSqlTokens {
  private SparkSqlTokens() {}

  /** What makes the text unsafe to splice, or empty. */
  static Optional<String> problem(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int end;
      if (c == '\'' || c == '"') {
        end = raw(text, i) ? text.indexOf(c, i + 1) : escapedEnd(text, i + 1, c);
      } else if (c == '`') {
        end = backtickEnd(text, i + 1);
      } else if ((c == '-' || c == '/')
          && i + 1 < n
          && text.charAt(i + 1) == (c == '-' ? '-' : '*')) {
        return Optional.of(
            "it holds a comment (-- or /* */), which is not allowed in an expression");
      } else {
        i++;
        continue;
      }
      if (end < 0) {
        return Optional.of("it leaves a quote (" + c + ") open");
      }
      i = end + 1;
    }
    return Optional.empty();
  }

  /**
   * Whether the quote at {@code i} opens a raw string: {@code r} or {@code R} starting a token
   * before it.
   */
  private static boolean raw(String text, int i) {
    if (i == 0 || Character.toLowerCase(text.charAt(i - 1)) != 'r') {
      return false;
    }
    return i == 1 || !identifierPart(text.charAt(i - 2));
  }

  private static boolean identifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static int escapedEnd(String text, int from, char quote) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private static int backtickEnd(String text, int from) {
    int i = from;
    while (true) {
      int end = text.indexOf('`', i);
      if (end < 0 || end + 1 >= text.length() || text.charAt(end + 1) != '`') {
        return end;
      }
      i = end + 2;
    }
  }
}
