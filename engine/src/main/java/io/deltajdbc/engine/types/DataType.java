package io.deltajdbc.engine.types;

/**
 * A Delta column type, as the protocol's "Schema Serialization Format" defines it.
 *
 * <p>Primitive types are the constants of {@link PrimitiveType}; the parameterised ones are
 * records. Serializable, so that the tasks of an execution backend can carry them.
 */
public sealed interface DataType extends java.io.Serializable
    permits PrimitiveType, DecimalType, ArrayType, MapType, StructType {

  /** The type's name in Delta's schema JSON for primitives, or a readable form for the others. */
  String typeName();
}
