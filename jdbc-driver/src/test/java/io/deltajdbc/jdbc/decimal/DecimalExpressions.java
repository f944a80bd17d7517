package io.deltajdbc.jdbc.decimal;

import java.util.List;
import java.util.Random;

/**
 * Random decimal expressions over the columns of {@link DecimalExpressionsTest}'s table: {@code + -
 * * / %} nested up to three deep, casts of columns, of a double and of a string to decimals,
 * integer and decimal-literal operands. Casts are only to types with room for the source's integer
 * digits (an overflowing cast is an error here and NULL in Spark, a difference this test does not
 * cover); literals are decimals written without a leading zero (Calcite types {@code 0.5} as
 * DECIMAL(2,1), Spark as DECIMAL(1,1)); integer literals are left out (Spark gives {@code 2} the
 * type DECIMAL(1,0) next to a decimal, Calcite INT, i.e. DECIMAL(10,0)).
 */
final class DecimalExpressions {
  /** Decimal columns and their (precision, scale). */
  static final List<String> COLUMNS = List.of("a", "b", "c", "d", "e");

  private static final int[][] TYPES = {{5, 2}, {12, 4}, {18, 0}, {38, 10}, {38, 18}};
  private static final List<String> OPERATORS = List.of("+", "-", "*", "/", "%");
  private static final List<String> LITERALS =
      List.of(
          "1.5",
          "2.25",
          "100.00",
          ".5",
          "7.0",
          "12345.678",
          ".001",
          "3.14159265358979",
          "99999.99999",
          "1.000000000000000001");

  private final Random random;

  DecimalExpressions(long seed) {
    random = new Random(seed);
  }

  /** A row-level expression. */
  String next() {
    return expression(1 + random.nextInt(3));
  }

  /** sum or avg of an expression of at most one operator. */
  String nextAggregate() {
    return (random.nextBoolean() ? "sum(" : "avg(") + expression(random.nextInt(2)) + ")";
  }

  private String expression(int depth) {
    if (depth == 0) {
      return leaf();
    }
    String op = OPERATORS.get(random.nextInt(OPERATORS.size()));
    int shape = random.nextInt(10);
    if (shape == 0) {
      return "(i " + op + " " + expression(depth - 1) + ")";
    }
    if (shape == 1) {
      return "(" + expression(depth - 1) + " " + op + " i)";
    }
    return "(" + expression(depth - 1) + " " + op + " " + expression(depth - 1) + ")";
  }

  private String leaf() {
    int kind = random.nextInt(12);
    if (kind < 6) {
      return COLUMNS.get(random.nextInt(COLUMNS.size()));
    }
    if (kind < 8) {
      return LITERALS.get(random.nextInt(LITERALS.size()));
    }
    if (kind < 10) {
      int c = random.nextInt(COLUMNS.size());
      int integerDigits = TYPES[c][0] - TYPES[c][1];
      int scale = random.nextInt(Math.min(TYPES[c][1] + 3, 38 - integerDigits) + 1);
      int precision = Math.min(38, integerDigits + scale + random.nextInt(3));
      return "CAST(" + COLUMNS.get(c) + " AS DECIMAL(" + precision + "," + scale + "))";
    }
    // x and s hold values below 1000 in magnitude: 4 integer digits are enough
    int scale = random.nextInt(8);
    return "CAST("
        + (kind == 10 ? "x" : "s")
        + " AS DECIMAL("
        + (4 + scale + random.nextInt(3))
        + ","
        + scale
        + "))";
  }
}
