package io.deltajdbc.calcite.statement.show;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The patterns of Spark's {@code SHOW TABLES LIKE} and {@code SHOW SCHEMAS LIKE}: {@code *} matches
 * any characters, {@code |} separates alternatives, case is ignored; everything else is literal.
 */
final class SparkPattern {
  private SparkPattern() {}

  /** A test of names against {@code pattern}; every name matches a null pattern. */
  static Predicate<String> of(String pattern) {
    if (pattern == null) {
      return name -> true;
    }
    StringBuilder regex = new StringBuilder();
    for (String alternative : pattern.trim().split("\\|", -1)) {
      if (!regex.isEmpty()) {
        regex.append('|');
      }
      String[] parts = alternative.trim().split("\\*", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          regex.append(".*");
        }
        regex.append(Pattern.quote(parts[i].toLowerCase(Locale.ROOT)));
      }
    }
    Pattern compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
    return name -> compiled.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }
}
