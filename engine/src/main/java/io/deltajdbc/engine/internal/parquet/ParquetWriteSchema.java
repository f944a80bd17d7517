package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema our writer produces for a Delta schema: the layout Spark writes by default
 * (standard three-level lists and maps, decimals as INT32/INT64/FIXED_LEN_BYTE_ARRAY by precision,
 * timestamps as INT64 microseconds), so that Spark and every other reader reads our files natively.
 */
public final class ParquetWriteSchema {
  private ParquetWriteSchema() {}

  /**
   * The message type for {@code schema}; with {@code physical} the field names are the
   * column-mapping physical names and field ids are written (protocol: "Column Mapping").
   */
  public static MessageType of(StructType schema, boolean physical) {
    return new MessageType("spark_schema", fields(schema, physical));
  }

  private static List<Type> fields(StructType s, boolean physical) {
    List<Type> out = new ArrayList<>(s.size());
    for (StructField f : s.fields()) {
      String name = physical ? f.physicalName() : f.name();
      Type t =
          type(f.type(), name, f.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED, physical);
      if (physical && f.fieldId().isPresent()) {
        t = t.withId(f.fieldId().get());
      }
      out.add(t);
    }
    return out;
  }

  static Type type(DataType type, String name, Repetition rep, boolean physical) {
    if (type instanceof StructType s) {
      return new GroupType(rep, name, fields(s, physical));
    }
    if (type instanceof ArrayType a) {
      Type element =
          type(
              a.elementType(),
              "element",
              a.containsNull() ? Repetition.OPTIONAL : Repetition.REQUIRED,
              physical);
      return Types.buildGroup(rep)
          .as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup().addField(element).named("list"))
          .named(name);
    }
    if (type instanceof MapType m) {
      Type key = type(m.keyType(), "key", Repetition.REQUIRED, physical);
      Type value =
          type(
              m.valueType(),
              "value",
              m.valueContainsNull() ? Repetition.OPTIONAL : Repetition.REQUIRED,
              physical);
      return Types.buildGroup(rep)
          .as(LogicalTypeAnnotation.mapType())
          .addField(Types.repeatedGroup().addField(key).addField(value).named("key_value"))
          .named(name);
    }
    if (type instanceof DecimalType d) {
      LogicalTypeAnnotation dec = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
      if (d.precision() <= 9) {
        return Types.primitive(PrimitiveTypeName.INT32, rep).as(dec).named(name);
      }
      if (d.precision() <= 18) {
        return Types.primitive(PrimitiveTypeName.INT64, rep).as(dec).named(name);
      }
      return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep)
          .length(decimalBytes(d.precision()))
          .as(dec)
          .named(name);
    }
    PrimitiveType p = (PrimitiveType) type;
    return switch (p) {
      case STRING ->
          Types.primitive(PrimitiveTypeName.BINARY, rep)
              .as(LogicalTypeAnnotation.stringType())
              .named(name);
      case LONG -> Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
      case INTEGER -> Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
      case SHORT ->
          Types.primitive(PrimitiveTypeName.INT32, rep)
              .as(LogicalTypeAnnotation.intType(16, true))
              .named(name);
      case BYTE ->
          Types.primitive(PrimitiveTypeName.INT32, rep)
              .as(LogicalTypeAnnotation.intType(8, true))
              .named(name);
      case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, rep).named(name);
      case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
      case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
      case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
      case DATE ->
          Types.primitive(PrimitiveTypeName.INT32, rep)
              .as(LogicalTypeAnnotation.dateType())
              .named(name);
      case TIMESTAMP ->
          Types.primitive(PrimitiveTypeName.INT64, rep)
              .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
              .named(name);
      case TIMESTAMP_NTZ ->
          Types.primitive(PrimitiveTypeName.INT64, rep)
              .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
              .named(name);
      case VARIANT ->
          Types.buildGroup(rep)
              .addField(Types.required(PrimitiveTypeName.BINARY).named("value"))
              .addField(Types.required(PrimitiveTypeName.BINARY).named("metadata"))
              .named(name);
      case VOID -> Types.primitive(PrimitiveTypeName.INT32, Repetition.OPTIONAL).named(name);
    };
  }

  /**
   * The fewest bytes holding any unscaled value of this precision (Spark's minBytesForPrecision).
   */
  static int decimalBytes(int precision) {
    int bytes = 1;
    while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
      bytes++;
    }
    return bytes;
  }
}
