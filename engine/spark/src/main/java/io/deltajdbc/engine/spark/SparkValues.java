package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;

/**
 * Engine types and values to Spark's and back. Spark's external row types are the engine's ({@link
 * Row}'s Java classes) except for collections: arrays are Scala sequences, maps Scala maps, structs
 * Spark rows; with Spark's Java 8 time API off, dates and timestamps arrive as {@code java.sql}
 * types and are converted too. Every Spark field is nullable: NOT NULL is the engine writer's to
 * enforce, with its own error.
 */
final class SparkValues {
  private SparkValues() {}

  static org.apache.spark.sql.types.StructType schema(StructType s, String tablePath) {
    List<org.apache.spark.sql.types.StructField> out = new ArrayList<>(s.size());
    for (StructField f : s.fields()) {
      out.add(
          new org.apache.spark.sql.types.StructField(
              f.name(), type(f.type(), f.name(), tablePath), true, Metadata.empty()));
    }
    return new org.apache.spark.sql.types.StructType(
        out.toArray(new org.apache.spark.sql.types.StructField[0]));
  }

  static org.apache.spark.sql.types.DataType type(DataType t, String column, String tablePath) {
    if (t instanceof StructType s) {
      return schema(s, tablePath);
    }
    if (t instanceof ArrayType a) {
      return DataTypes.createArrayType(type(a.elementType(), column, tablePath), true);
    }
    if (t instanceof MapType m) {
      return DataTypes.createMapType(
          type(m.keyType(), column, tablePath), type(m.valueType(), column, tablePath), true);
    }
    if (t instanceof DecimalType d) {
      return DataTypes.createDecimalType(d.precision(), d.scale());
    }
    return switch ((PrimitiveType) t) {
      case STRING -> DataTypes.StringType;
      case LONG -> DataTypes.LongType;
      case INTEGER -> DataTypes.IntegerType;
      case SHORT -> DataTypes.ShortType;
      case BYTE -> DataTypes.ByteType;
      case FLOAT -> DataTypes.FloatType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case BINARY -> DataTypes.BinaryType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case TIMESTAMP_NTZ -> DataTypes.TimestampNTZType;
      case VOID -> DataTypes.NullType;
      case VARIANT ->
          throw DeltaErrors.unsupportedDml(
              tablePath,
              -1,
              "column "
                  + column
                  + " is of type variant, which the Spark backend (Spark 3.5) cannot process.");
    };
  }

  /** An engine row as a Spark row of the same schema, with {@code extra} values appended. */
  static org.apache.spark.sql.Row toSpark(Row row, StructType schema, Object... extra) {
    Object[] values = new Object[schema.size() + extra.length];
    for (int i = 0; i < schema.size(); i++) {
      values[i] = sparkValue(row.get(i), schema.field(i).type());
    }
    System.arraycopy(extra, 0, values, schema.size(), extra.length);
    return RowFactory.create(values);
  }

  static Object sparkValue(Object v, DataType t) {
    if (v == null) {
      return null;
    }
    if (t instanceof StructType s) {
      return toSpark((Row) v, s);
    }
    if (t instanceof ArrayType a) {
      List<Object> out = new ArrayList<>();
      for (Object x : (List<?>) v) {
        out.add(sparkValue(x, a.elementType()));
      }
      return scala.collection.JavaConverters.asScalaBuffer(out).toList();
    }
    if (t instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) v)
          .forEach((k, x) -> out.put(sparkValue(k, m.keyType()), sparkValue(x, m.valueType())));
      return scala.collection.JavaConverters.mapAsScalaMap(out);
    }
    return v;
  }

  /** The first {@code schema.size()} values of a Spark row as an engine row. */
  static Row toEngine(org.apache.spark.sql.Row r, StructType schema) {
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = engineValue(r.isNullAt(i) ? null : r.get(i), schema.field(i).type());
    }
    return Row.wrap(values);
  }

  static Object engineValue(Object v, DataType t) {
    if (v == null) {
      return null;
    }
    if (t instanceof StructType s) {
      return toEngine((org.apache.spark.sql.Row) v, s);
    }
    if (t instanceof ArrayType a) {
      List<Object> out = new ArrayList<>();
      scala.collection.Iterator<?> it = ((scala.collection.Iterable<?>) v).iterator();
      while (it.hasNext()) {
        out.add(engineValue(it.next(), a.elementType()));
      }
      return out;
    }
    if (t instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      scala.collection.Iterator<? extends scala.Tuple2<?, ?>> it =
          ((scala.collection.Map<?, ?>) v).iterator();
      while (it.hasNext()) {
        scala.Tuple2<?, ?> e = it.next();
        out.put(engineValue(e._1(), m.keyType()), engineValue(e._2(), m.valueType()));
      }
      return out;
    }
    if (v instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return v;
  }

  /** A row's values as text for error messages: {@code (id = 3, name = x)}. */
  static String describe(org.apache.spark.sql.Row r, StructType schema) {
    return describe(toEngine(r, schema), schema);
  }

  /** An engine row's values as text for error messages: {@code (id = 3, name = x)}. */
  static String describe(Row values, StructType schema) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < schema.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(schema.field(i).name())
          .append(" = ")
          .append(values.isNull(i) ? "NULL" : values.get(i));
    }
    return b.append(')').toString();
  }
}
