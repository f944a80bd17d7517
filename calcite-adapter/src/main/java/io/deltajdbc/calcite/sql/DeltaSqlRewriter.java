package io.deltajdbc.calcite.sql;

import io.deltajdbc.calcite.sql.SqlTokenizer.Kind;
import io.deltajdbc.calcite.sql.SqlTokenizer.Token;
import io.deltajdbc.engine.DeltaErrors;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the parts of Delta's and Spark's SQL that Calcite's parser does not know into names it
 * does: {@code `x`} becomes {@code "x"}; {@code t@v3}, {@code t@3} and {@code t@20240131120000000}
 * (quoted or not) become the quoted name {@code "t@v3"}; {@code t VERSION AS OF 3} becomes {@code
 * "t@v3"} and {@code t TIMESTAMP AS OF '2024-01-31 12:00:00'} becomes {@code "t@20240131120000000"}
 * (also after {@code TO}, as RESTORE writes it: {@code t TO VERSION AS OF 3}); {@code default.t}
 * (Spark's default database, a reserved word in SQL) becomes {@code "default".t}; Spark's {@code
 * date_trunc(unit, ts)} becomes a call of the function {@code "DATE_TRUNC"} (Calcite parses the
 * bare word as BigQuery's DATE_TRUNC(ts, unit)). String literals and comments are left alone.
 */
public final class DeltaSqlRewriter {
  private static final DateTimeFormatter DELTA_TS =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  private DeltaSqlRewriter() {}

  public static String rewrite(String sql) {
    List<Token> in = SqlTokenizer.tokenize(sql);
    List<Token> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      Token t = in.get(i);
      if (t.kind() == Kind.BACKTICKED) {
        t = quoted(unquote(t.text(), '`'));
      }
      if (t.isWord("DATE_TRUNC") && next(in, i) >= 0 && in.get(next(in, i)).text().equals("(")) {
        t = quoted("DATE_TRUNC");
      }
      if (t.isWord("DEFAULT") && i + 1 < in.size() && in.get(i + 1).text().equals(".")) {
        t = quoted(t.text().toLowerCase(java.util.Locale.ROOT));
      }
      // name@suffix written without quotes: WORD '@' WORD
      if ((t.kind() == Kind.WORD || t.kind() == Kind.QUOTED)
          && i + 2 < in.size()
          && in.get(i + 1).text().equals("@")
          && in.get(i + 2).kind() == Kind.WORD) {
        String name = t.kind() == Kind.QUOTED ? unquote(t.text(), '"') : t.text();
        t = quoted(name + "@" + in.get(i + 2).text());
        i += 2;
      }
      if (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED) {
        int j = next(in, i);
        if (j >= 0 && in.get(j).isWord("TO")) { // RESTORE t TO VERSION AS OF 3
          int k = next(in, j);
          if (k >= 0 && (in.get(k).isWord("VERSION") || in.get(k).isWord("TIMESTAMP"))) {
            j = k;
          }
        }
        if (j >= 0 && (in.get(j).isWord("VERSION") || in.get(j).isWord("TIMESTAMP"))) {
          int as = next(in, j);
          int of = as < 0 ? -1 : next(in, as);
          int value = of < 0 ? -1 : next(in, of);
          if (as >= 0 && in.get(as).isWord("AS") && in.get(of).isWord("OF") && value >= 0) {
            String name = t.kind() == Kind.QUOTED ? unquote(t.text(), '"') : t.text();
            String suffix =
                in.get(j).isWord("VERSION") ? version(in.get(value)) : timestamp(in.get(value));
            out.add(quoted(name + "@" + suffix));
            i = value;
            continue;
          }
        }
      }
      out.add(t);
    }
    StringBuilder sb = new StringBuilder(sql.length() + 16);
    out.forEach(t -> sb.append(t.text()));
    return sb.toString();
  }

  private static int next(List<Token> in, int i) {
    for (int j = i + 1; j < in.size(); j++) {
      Kind k = in.get(j).kind();
      if (k != Kind.SPACE && k != Kind.COMMENT) {
        return j;
      }
    }
    return -1;
  }

  private static String version(Token t) {
    if (t.kind() != Kind.WORD || !t.text().chars().allMatch(Character::isDigit)) {
      throw DeltaErrors.invalidArgument(
          "VERSION AS OF takes a version number, not " + t.text() + ".");
    }
    return "v" + t.text();
  }

  private static String timestamp(Token t) {
    if (t.kind() != Kind.STRING) {
      throw DeltaErrors.invalidArgument(
          "TIMESTAMP AS OF takes a quoted timestamp such as '2024-01-31 12:00:00', not "
              + t.text()
              + ".");
    }
    String s = unquote(t.text(), '\'').trim();
    try {
      LocalDateTime ts =
          s.length() <= 10
              ? LocalDate.parse(s).atStartOfDay()
              : LocalDateTime.parse(s.replace(' ', 'T'));
      return DELTA_TS.format(ts);
    } catch (DateTimeParseException e) {
      throw DeltaErrors.invalidArgument(
          "TIMESTAMP AS OF '" + s + "' is not a timestamp (use 'yyyy-MM-dd HH:mm:ss').");
    }
  }

  private static Token quoted(String name) {
    return new Token(Kind.QUOTED, "\"" + name.replace("\"", "\"\"") + "\"");
  }

  private static String unquote(String text, char quote) {
    String inner = text.length() >= 2 ? text.substring(1, text.length() - 1) : "";
    return inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
  }
}
