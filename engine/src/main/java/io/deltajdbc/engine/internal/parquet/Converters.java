package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructType;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.schema.Type;

/** Chooses the converter that assembles a value of a schema type from its Parquet field. */
final class Converters {
  private Converters() {}

  static Converter create(
      DataType type, Type parquet, ReadContext ctx, String column, ValueSink sink) {
    if (type instanceof StructType s) {
      if (parquet.isPrimitive() || FieldMatcher.isList(parquet)) {
        throw ctx.typeMismatch(column, parquet, type);
      }
      return new StructConverter(s, parquet.asGroupType(), ctx, column, sink);
    }
    if (type instanceof ArrayType a) {
      if (!FieldMatcher.isList(parquet)) {
        throw ctx.typeMismatch(column, parquet, type);
      }
      return new ListConverter(a, parquet.asGroupType(), ctx, column, sink);
    }
    if (type instanceof MapType m) {
      if (!FieldMatcher.isMap(parquet, type)) {
        throw ctx.typeMismatch(column, parquet, type);
      }
      return new MapConverter(m, parquet.asGroupType(), ctx, column, sink);
    }
    if (type == PrimitiveType.VARIANT) {
      if (parquet.isPrimitive()) {
        throw ctx.typeMismatch(column, parquet, type);
      }
      return new VariantConverter(parquet.asGroupType(), ctx, column, sink);
    }
    if (!parquet.isPrimitive()) {
      throw ctx.typeMismatch(column, parquet, type);
    }
    return LeafConverters.create(type, parquet.asPrimitiveType(), ctx, column, sink);
  }
}
