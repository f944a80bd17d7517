package io.deltajdbc.calcite.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens without interpreting it: words, quoted identifiers (double quotes and
 * backticks), string literals, comments, whitespace and single symbols. Joining the tokens' text
 * gives the input back unchanged.
 */
final class SqlTokenizer {
  enum Kind {
    WORD,
    QUOTED,
    BACKTICKED,
    STRING,
    COMMENT,
    SPACE,
    SYMBOL
  }

  record Token(Kind kind, String text) {
    boolean isWord(String w) {
      return kind == Kind.WORD && text.equalsIgnoreCase(w);
    }
  }

  private SqlTokenizer() {}

  static List<Token> tokenize(String sql) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      Kind kind;
      if (Character.isWhitespace(c)) {
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
          i++;
        }
        kind = Kind.SPACE;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
        kind = Kind.COMMENT;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        kind = Kind.COMMENT;
      } else if (c == '\'' || c == '"' || c == '`') {
        i = closing(sql, i, c);
        kind = c == '\'' ? Kind.STRING : c == '"' ? Kind.QUOTED : Kind.BACKTICKED;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        while (i < n
            && (Character.isLetterOrDigit(sql.charAt(i))
                || sql.charAt(i) == '_'
                || sql.charAt(i) == '$')) {
          i++;
        }
        kind = Kind.WORD;
      } else {
        i++;
        kind = Kind.SYMBOL;
      }
      out.add(new Token(kind, sql.substring(start, i)));
    }
    return out;
  }

  /** The index after the closing quote; a doubled quote inside is an escaped quote. */
  private static int closing(String sql, int open, char quote) {
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
