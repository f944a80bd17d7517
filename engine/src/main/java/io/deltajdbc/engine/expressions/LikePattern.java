package io.deltajdbc.engine.expressions;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL LIKE pattern without an escape character: {@code %} matches any run of characters (none
 * included), {@code _} exactly one character (a code point), everything else itself. It is split
 * once into the literal pieces between the {@code %}s, which match left to right, each at its first
 * place after the previous one: a piece has a fixed length, so the first place is as good as any
 * later one.
 *
 * @param text the pattern as written
 * @param pieces the text between the {@code %}s, empty pieces left out
 * @param anchoredStart true when the pattern does not begin with {@code %}
 * @param anchoredEnd true when the pattern does not end with {@code %}
 */
public record LikePattern(
    String text, List<String> pieces, boolean anchoredStart, boolean anchoredEnd) {
  private static final int ANY_ONE = '_';

  public LikePattern {
    requireNonNull(text, "text");
    pieces = List.copyOf(pieces);
  }

  /** The pattern {@code text}. */
  public static LikePattern of(String text) {
    List<String> pieces = new ArrayList<>();
    for (String piece : text.split("%", -1)) {
      if (!piece.isEmpty()) {
        pieces.add(piece);
      }
    }
    boolean wildcardOnly = text.chars().allMatch(c -> c == '%');
    return new LikePattern(
        text,
        pieces,
        wildcardOnly ? text.isEmpty() : !text.startsWith("%"),
        wildcardOnly ? text.isEmpty() : !text.endsWith("%"));
  }

  /**
   * The literal text every match begins with (up to the first wildcard); empty when there is none.
   */
  public String prefix() {
    int end = 0;
    while (end < text.length() && text.charAt(end) != '%' && text.charAt(end) != ANY_ONE) {
      end++;
    }
    return text.substring(0, end);
  }

  /** True when {@code s} matches the whole pattern. */
  public boolean matches(String s) {
    if (pieces.isEmpty()) {
      return !anchoredStart || s.isEmpty();
    }
    int from = 0;
    for (int k = 0; k < pieces.size(); k++) {
      String piece = pieces.get(k);
      boolean first = k == 0;
      boolean last = k == pieces.size() - 1;
      if (last && anchoredEnd) {
        int at = endPlace(s, piece, from);
        return at >= 0 && (!first || !anchoredStart || at == 0);
      }
      int at =
          first && anchoredStart ? (matchesAt(s, 0, piece) >= 0 ? 0 : -1) : find(s, piece, from);
      if (at < 0) {
        return false;
      }
      from = matchesAt(s, at, piece);
    }
    return true;
  }

  /** Where {@code piece} can end {@code s} starting at or after {@code from}, or -1. */
  private static int endPlace(String s, String piece, int from) {
    int pieceLength = piece.codePointCount(0, piece.length());
    int start = s.length();
    for (int i = 0; i < pieceLength; i++) {
      if (start <= from) {
        return -1;
      }
      start = s.offsetByCodePoints(start, -1);
    }
    return start >= from && matchesAt(s, start, piece) == s.length() ? start : -1;
  }

  /** The first place at or after {@code from} where {@code piece} matches, or -1. */
  private static int find(String s, String piece, int from) {
    if (piece.indexOf(ANY_ONE) < 0) {
      return s.indexOf(piece, from);
    }
    for (int at = from; at < s.length(); at = s.offsetByCodePoints(at, 1)) {
      if (matchesAt(s, at, piece) >= 0) {
        return at;
      }
    }
    return piece.isEmpty() ? from : -1;
  }

  /**
   * The end in {@code s} of {@code piece} matched at {@code at}, or -1 when it does not match
   * there.
   */
  private static int matchesAt(String s, int at, String piece) {
    int i = at;
    for (int j = 0; j < piece.length(); ) {
      if (i >= s.length()) {
        return -1;
      }
      int p = piece.codePointAt(j);
      int c = s.codePointAt(i);
      if (p != ANY_ONE && p != c) {
        return -1;
      }
      i += Character.charCount(c);
      j += Character.charCount(p);
    }
    return i;
  }

  @Override
  public String toString() {
    return "'" + text.replace("'", "''") + "'";
  }
}
