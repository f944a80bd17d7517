package io.deltajdbc.tools.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Canonical text of what a side computed, so that answers from JDBC, Spark rows, kernel and raw
 * Parquet compare equal when they mean the same: numbers of any Java type become decimals rounded
 * to 12 significant digits (averages differ in their last digits between engines), collections
 * keep their order, maps are sorted by key.
 */
public final class Answers {
  private static final MathContext DIGITS = new MathContext(12);

  private Answers() {}

  public static String canonical(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number n) {
      BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
      return d.round(DIGITS).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> canonical(e.getKey()) + "=" + canonical(e.getValue())).sorted()
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(Answers::canonical).collect(Collectors.joining(", ", "[", "]"));
    }
    return value.toString();
  }
}
