package io.deltajdbc.engine.types;

/**
 * A Delta column type, as the protocol's "Schema Serialization Format" defines it.
 *
 * <p>Primitive types are the constants of {@link PrimitiveType}; the parameterised ones are records.
 */
public sealed interface DataType permits PrimitiveType, DecimalType, ArrayType, MapType, StructType {

  /** The type's name in Delta's schema JSON for primitives, or a readable form for the others. */
  String typeName();
}
