package io.deltajdbc.engine.types;

/** {@code decimal(precision, scale)}; precision is 1 to 38 and scale 0 to precision. */
public record DecimalType(int precision, int scale) implements DataType {
  public static final int MAX_PRECISION = 38;

  public DecimalType {
    if (precision < 1 || precision > MAX_PRECISION || scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "invalid decimal("
              + precision
              + ","
              + scale
              + "): precision must be 1..38 and scale 0..precision");
    }
  }

  @Override
  public String typeName() {
    return "decimal(" + precision + "," + scale + ")";
  }

  @Override
  public String toString() {
    return typeName();
  }
}
