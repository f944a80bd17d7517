package io.deltajdbc.engine.types;

import static java.util.Objects.requireNonNull;

/** An array of {@code elementType}; {@code containsNull} says whether elements may be null. */
public record ArrayType(DataType elementType, boolean containsNull) implements DataType {
  public ArrayType {
    requireNonNull(elementType, "elementType");
  }

  @Override
  public String typeName() {
    return "array<" + elementType.typeName() + ">";
  }

  @Override
  public String toString() {
    return typeName();
  }
}
