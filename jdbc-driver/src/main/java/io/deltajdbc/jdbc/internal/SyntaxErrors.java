package io.deltajdbc.jdbc.internal;

import io.deltajdbc.calcite.sql.parser.DeltaSqlParserImpl;
import io.deltajdbc.calcite.sql.parser.ParseException;
import io.deltajdbc.calcite.sql.parser.Token;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;

/**
 * One line for a syntax error, instead of Calcite's list of every token that could have come next:
 * where, what was found, and what was expected in brief ({@code an expression}, {@code a name}, or
 * the few keywords and symbols that fit). A reserved word where a name fits ({@code SELECT day FROM
 * t}) says how to quote it.
 */
final class SyntaxErrors {
  private static final SqlAbstractParserImpl.Metadata METADATA =
      DeltaSqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();
  private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\" at line");
  private static final Pattern NEAR_KEYWORD =
      Pattern.compile("Incorrect syntax near the keyword '(.*?)'");
  private static final int MAX_LISTED = 6;

  /** Words that begin a statement: what SELEC should have been. */
  private static final String STATEMENTS =
      "SELECT, VALUES, WITH, INSERT, UPDATE, DELETE, MERGE, CREATE, ALTER, DROP, "
          + "TRUNCATE, SHOW or DESCRIBE";

  /** Reserved words that are the statement's structure, never a misplaced column name. */
  private static final Set<String> CLAUSE_WORDS =
      Set.of(
          "SELECT",
          "FROM",
          "WHERE",
          "GROUP",
          "ORDER",
          "BY",
          "HAVING",
          "JOIN",
          "ON",
          "AND",
          "OR",
          "NOT",
          "AS",
          "UNION",
          "INTO",
          "VALUES",
          "SET",
          "WITH",
          "CASE",
          "WHEN",
          "THEN",
          "ELSE",
          "END",
          "IN",
          "IS",
          "NULL",
          "LIKE",
          "BETWEEN",
          "LIMIT",
          "OFFSET",
          "FETCH",
          "INNER",
          "LEFT",
          "RIGHT",
          "FULL",
          "OUTER",
          "CROSS",
          "DISTINCT",
          "ALL",
          "EXCEPT",
          "INTERSECT",
          "USING",
          "TABLE",
          "INSERT",
          "UPDATE",
          "DELETE",
          "MERGE",
          "CREATE",
          "DROP",
          "ALTER");

  private SyntaxErrors() {}

  static String message(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    String where =
        pos == null ? "" : " (line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")";
    String raw = e.getMessage() == null ? "" : e.getMessage();
    if (raw.startsWith("Non-query expression encountered in illegal context")) {
      return "Syntax error"
          + where
          + ": this is not a statement; a statement begins with "
          + STATEMENTS
          + ".";
    }
    String found = found(raw);
    int[][] expected = e.getExpectedTokenSequences();
    String[] images = e.getTokenImages();
    String reserved = reservedName(e, found, expected, images);
    if (reserved != null) {
      return reserved;
    }
    if (expected == null || images == null) {
      return "Syntax error" + where + ": " + firstLine(raw);
    }
    String what =
        found == null
            ? ""
            : found.equals("<EOF>")
                ? " unexpected end of statement;"
                : " unexpected " + first(found) + ";";
    return "Syntax error" + where + ":" + what + " expected " + expected(expected, images) + ".";
  }

  /**
   * The message for a reserved word where a name fits, or as the start of a literal (DATE,
   * TIMESTAMP) that did not follow: the word among the tokens the parser looked at, at its
   * position.
   */
  private static String reservedName(
      SqlParseException e, String found, int[][] expected, String[] images) {
    if (found == null
        || expected == null
        || images == null
        || !(SqlParserUtil.allowsIdentifier(images, expected) || found.contains(" "))) {
      return null;
    }
    if (e.getCause() instanceof ParseException pe && pe.currentToken != null) {
      Token t = pe.currentToken.next;
      for (int i = 0; t != null && i < 3; i++, t = t.next) {
        if (isName(t.image)) {
          return reserved(t.image, t.beginLine, t.beginColumn);
        }
      }
      return null;
    }
    String word = found.split(" ", 2)[0];
    return isName(word) && e.getPos() != null
        ? reserved(word, e.getPos().getLineNum(), e.getPos().getColumnNum())
        : null;
  }

  private static boolean isName(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    return METADATA.isReservedWord(upper) && !CLAUSE_WORDS.contains(upper);
  }

  private static String reserved(String word, int line, int column) {
    return "`"
        + word
        + "` is a reserved word in SQL; quote it as \""
        + word
        + "\" or `"
        + word
        + "` (line "
        + line
        + ", column "
        + column
        + ")";
  }

  /** The token Calcite's message says it found, or null. */
  private static String found(String message) {
    Matcher near = NEAR_KEYWORD.matcher(message);
    if (near.find()) {
      return near.group(1);
    }
    Matcher m = ENCOUNTERED.matcher(message);
    return m.find() ? m.group(1) : null;
  }

  /** The first word or symbol of Calcite's "Encountered" text (which shows a few tokens). */
  private static String first(String found) {
    int space = found.indexOf(' ');
    String token = space > 0 ? found.substring(0, space) : found;
    return token.startsWith("'") || token.startsWith("\"") ? token : "\"" + token + "\"";
  }

  private static String expected(int[][] sequences, String[] images) {
    Set<String> tokens = new TreeSet<>();
    boolean identifier = false;
    boolean literal = false;
    for (int[] seq : sequences) {
      if (seq.length == 0) {
        continue;
      }
      String image = images[seq[0]];
      if (image.equals("<IDENTIFIER>") || image.endsWith("QUOTED_IDENTIFIER>")) {
        identifier = true;
      } else if (image.endsWith("LITERAL>")) {
        literal = true;
      } else if (image.equals("<EOF>")) {
        tokens.add("the end of the statement");
      } else if (!image.startsWith("<")) {
        tokens.add(image);
      }
    }
    if (identifier && literal) {
      return "an expression";
    }
    if (identifier) {
      return tokens.size() <= 3 ? String.join(", ", prepend("a name", tokens)) : "a name";
    }
    if (tokens.size() > MAX_LISTED) {
      return String.join(", ", tokens.stream().limit(MAX_LISTED).toList())
          + " or another of "
          + (tokens.size() - MAX_LISTED)
          + " words and symbols";
    }
    return String.join(" or ", tokens);
  }

  private static Set<String> prepend(String first, Set<String> rest) {
    Set<String> out = new java.util.LinkedHashSet<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
