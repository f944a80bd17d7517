package io.deltajdbc.engine.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * LIKE as SQL (and Spark, whose LIKE is a regular expression matched with DOTALL) defines it:
 * checked against {@link Pattern} on random strings and patterns over a small alphabet with a
 * newline and characters outside the BMP, so that pieces overlap and repeat.
 */
class LikePatternTest {
  private static final String[] ALPHABET = {"a", "b", "ab", "\n", "é", "😀"};

  @Test
  void randomPatternsMatchAsTheRegularExpressionDoes() {
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      String pattern = random(random, 6, true);
      String s = random(random, 8, false);
      assertEquals(
          regex(pattern).matcher(s).matches(),
          LikePattern.of(pattern).matches(s),
          () -> "'" + s + "' LIKE '" + pattern + "'");
    }
  }

  @Test
  void typicalPatterns() {
    assertTrue(LikePattern.of("%special%requests%").matches("the special deposits and requests"));
    assertFalse(LikePattern.of("%special%requests%").matches("requests that are special"));
    assertTrue(LikePattern.of("%BRASS").matches("LARGE POLISHED BRASS"));
    assertFalse(LikePattern.of("%BRASS").matches("BRASS PLATED"));
    assertTrue(LikePattern.of("").matches(""));
    assertFalse(LikePattern.of("").matches("x"));
    assertTrue(LikePattern.of("%%").matches(""));
    assertTrue(LikePattern.of("a_c").matches("a😀c"));
    assertEquals("forest", LikePattern.of("forest%").prefix());
    assertEquals("ab", LikePattern.of("ab_%").prefix());
    assertEquals("", LikePattern.of("%green%").prefix());
  }

  private static String random(Random random, int maxParts, boolean wildcards) {
    StringBuilder b = new StringBuilder();
    int parts = random.nextInt(maxParts + 1);
    for (int i = 0; i < parts; i++) {
      int pick = random.nextInt(wildcards ? ALPHABET.length + 2 : ALPHABET.length);
      b.append(pick < ALPHABET.length ? ALPHABET[pick] : pick == ALPHABET.length ? "%" : "_");
    }
    return b.toString();
  }

  private static Pattern regex(String like) {
    StringBuilder r = new StringBuilder();
    like.codePoints()
        .forEach(
            c -> {
              if (c == '%') {
                r.append(".*");
              } else if (c == '_') {
                r.append('.');
              } else {
                r.append(Pattern.quote(new String(Character.toChars(c))));
              }
            });
    return Pattern.compile(r.toString(), Pattern.DOTALL);
  }
}
