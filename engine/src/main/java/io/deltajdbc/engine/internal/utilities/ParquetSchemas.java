package io.deltajdbc.engine.internal.utilities;

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
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * A Parquet file's schema as a Delta schema, with the types Spark's {@code
 * ParquetToSparkSchemaConverter} gives them (binary stays binary unless annotated as a string,
 * INT96 is a timestamp), every field nullable (delta-spark's CONVERT takes the footers' schemas
 * {@code asNullable}).
 */
final class ParquetSchemas {
  private ParquetSchemas() {}

  static StructType toDelta(MessageType message) {
    return struct(message);
  }

  private static StructType struct(GroupType group) {
    List<StructField> fields = new ArrayList<>();
    for (Type t : group.getFields()) {
      DataType type =
          t.isRepetition(Type.Repetition.REPEATED)
              ? new ArrayType(element(t), false) // a legacy repeated field: a list of it
              : type(t);
      fields.add(new StructField(t.getName(), type, true));
    }
    return new StructType(fields);
  }

  private static DataType element(Type repeated) {
    return repeated.isPrimitive()
        ? primitive(repeated.asPrimitiveType())
        : struct(repeated.asGroupType());
  }

  private static DataType type(Type t) {
    if (t.isPrimitive()) {
      return primitive(t.asPrimitiveType());
    }
    GroupType g = t.asGroupType();
    LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return list(g);
    }
    if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      GroupType kv = g.getType(0).asGroupType();
      return new MapType(type(kv.getType(0)), type(kv.getType(1)), true);
    }
    return struct(g);
  }

  /**
   * A LIST group (Parquet's "Lists" rules, with the backward-compatible two-level forms Spark
   * accepts): {@code repeated group list { element }} or a repeated element itself.
   */
  private static DataType list(GroupType g) {
    Type repeated = g.getType(0);
    if (repeated.isPrimitive()) {
      return new ArrayType(primitive(repeated.asPrimitiveType()), true);
    }
    GroupType r = repeated.asGroupType();
    boolean legacyElement =
        r.getFieldCount() > 1
            || r.getName().equals("array")
            || r.getName().equals(g.getName() + "_tuple");
    return new ArrayType(legacyElement ? struct(r) : type(r.getType(0)), true);
  }

  private static DataType primitive(org.apache.parquet.schema.PrimitiveType p) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    PrimitiveTypeName name = p.getPrimitiveTypeName();
    if (a instanceof DecimalLogicalTypeAnnotation d) {
      return new DecimalType(d.getPrecision(), d.getScale());
    }
    switch (name) {
      case BOOLEAN:
        return PrimitiveType.BOOLEAN;
      case FLOAT:
        return PrimitiveType.FLOAT;
      case DOUBLE:
        return PrimitiveType.DOUBLE;
      case INT96:
        return PrimitiveType.TIMESTAMP;
      case INT32:
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return PrimitiveType.DATE;
        }
        if (a instanceof IntLogicalTypeAnnotation i) {
          if (!i.isSigned()) {
            return i.getBitWidth() == 8
                ? PrimitiveType.SHORT
                : i.getBitWidth() == 16 ? PrimitiveType.INTEGER : PrimitiveType.LONG;
          }
          return i.getBitWidth() == 8
              ? PrimitiveType.BYTE
              : i.getBitWidth() == 16 ? PrimitiveType.SHORT : PrimitiveType.INTEGER;
        }
        if (a == null) {
          return PrimitiveType.INTEGER;
        }
        break;
      case INT64:
        if (a instanceof TimestampLogicalTypeAnnotation ts
            && ts.getUnit() != LogicalTypeAnnotation.TimeUnit.NANOS) {
          return ts.isAdjustedToUTC() ? PrimitiveType.TIMESTAMP : PrimitiveType.TIMESTAMP_NTZ;
        }
        if (a instanceof IntLogicalTypeAnnotation i && !i.isSigned()) {
          return new DecimalType(20, 0);
        }
        if (a == null || a instanceof IntLogicalTypeAnnotation) {
          return PrimitiveType.LONG;
        }
        break;
      case BINARY:
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return PrimitiveType.STRING;
        }
        if (a == null) {
          return PrimitiveType.BINARY;
        }
        break;
      case FIXED_LEN_BYTE_ARRAY:
        if (a == null) {
          return PrimitiveType.BINARY;
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(
        "Parquet type " + p + " has no Delta type (Spark cannot read it either)");
  }

  /**
   * Spark's schema merge without implicit conversions: fields by name (ignoring case) in order of
   * appearance, structs merged field by field, arrays and maps by their elements, other types
   * equal.
   */
  static StructType merge(StructType a, StructType b) {
    List<StructField> out = new ArrayList<>(a.fields());
    for (StructField f : b.fields()) {
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).name().equalsIgnoreCase(f.name())) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        out.add(f);
      } else {
        StructField existing = out.get(at);
        out.set(at, existing.withType(mergeType(existing.name(), existing.type(), f.type())));
      }
    }
    return new StructType(out);
  }

  private static DataType mergeType(String name, DataType a, DataType b) {
    if (a instanceof StructType sa && b instanceof StructType sb) {
      return merge(sa, sb);
    }
    if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
      return new ArrayType(
          mergeType(name, aa.elementType(), ab.elementType()),
          aa.containsNull() || ab.containsNull());
    }
    if (a instanceof MapType ma && b instanceof MapType mb) {
      return new MapType(
          mergeType(name, ma.keyType(), mb.keyType()),
          mergeType(name, ma.valueType(), mb.valueType()),
          ma.valueContainsNull() || mb.valueContainsNull());
    }
    if (!a.equals(b)) {
      throw new IllegalArgumentException(
          "column "
              + name
              + " is "
              + a.typeName()
              + " in one file and "
              + b.typeName()
              + " in another");
    }
    return a;
  }
}
