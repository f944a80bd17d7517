package io.deltajdbc.tools.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Canonical text of what a side computed, so that answers from JDBC, Spark rows, kernel and raw
 * Parquet compare equal when they mean the same: numbers of any Java type become decimals rounded
 * to 12 significant digits and 6 decimals (averages differ in their last digits between engines),
 * collections keep their order, maps are sorted by key.
 */
public final class Answers {
  private static final MathContext DIGITS = new MathContext(12);
  private static final int MAX_SCALE = 6;

  private Answers() {}

  public static String canonical(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number n) {
      BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
      // at most 6 decimals: a decimal average (Spark's scale 6) and a double one then mean the same
      return d.setScale(Math.min(d.scale(), MAX_SCALE), RoundingMode.HALF_UP)
          .round(DIGITS)
          .stripTrailingZeros()
          .toPlainString();
    }
    if (value instanceof Map<?, ?> m) {
      return m.entrySet().stream()
          .map(e -> canonical(e.getKey()) + "=" + canonical(e.getValue()))
          .sorted()
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(Answers::canonical).collect(Collectors.joining(", ", "[", "]"));
    }
    return value.toString();
  }
}
