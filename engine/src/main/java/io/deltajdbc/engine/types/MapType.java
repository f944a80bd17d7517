package io.deltajdbc.engine.types;

import static java.util.Objects.requireNonNull;

/** A map; keys are never null, values may be when {@code valueContainsNull}. */
public record MapType(DataType keyType, DataType valueType, boolean valueContainsNull)
    implements DataType {
  public MapType {
    requireNonNull(keyType, "keyType");
    requireNonNull(valueType, "valueType");
  }

  @Override
  public String typeName() {
    return "map<" + keyType.typeName() + "," + valueType.typeName() + ">";
  }

  @Override
  public String toString() {
    return typeName();
  }
}
