package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Engine values to Spark's internal (Catalyst) representation and back, without going through
 * Spark's external rows and encoders: strings are {@link UTF8String}, decimals {@link Decimal},
 * dates days since the epoch, timestamps microseconds since the epoch (timestamp_ntz: of the local
 * date-time taken as UTC), structs {@link InternalRow}, arrays {@link ArrayData}, maps {@link
 * MapData}. The conversions are chosen once per column type, not per value.
 */
final class InternalValues {
  private InternalValues() {}

  /** Converts one non-null engine value to its Catalyst value. */
  interface ToInternal extends Serializable {
    Object apply(Object v);
  }

  /** Reads the non-null value at an ordinal of a Catalyst row or array as an engine value. */
  interface FromInternal extends Serializable {
    Object get(SpecializedGetters g, int ordinal);
  }

  // ---- engine -> Catalyst ----

  static ToInternal[] toInternal(StructType schema) {
    ToInternal[] out = new ToInternal[schema.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = toInternal(schema.field(i).type());
    }
    return out;
  }

  static ToInternal toInternal(DataType t) {
    if (t instanceof StructType s) {
      ToInternal[] fields = toInternal(s);
      return v -> row((Row) v, fields);
    }
    if (t instanceof ArrayType a) {
      ToInternal element = toInternal(a.elementType());
      return v -> array((List<?>) v, element);
    }
    if (t instanceof MapType m) {
      ToInternal key = toInternal(m.keyType());
      ToInternal value = toInternal(m.valueType());
      return v -> {
        Map<?, ?> map = (Map<?, ?>) v;
        Object[] keys = new Object[map.size()];
        Object[] values = new Object[map.size()];
        int k = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          keys[k] = e.getKey() == null ? null : key.apply(e.getKey());
          values[k] = e.getValue() == null ? null : value.apply(e.getValue());
          k++;
        }
        return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(values));
      };
    }
    if (t instanceof DecimalType d) {
      int precision = d.precision();
      int scale = d.scale();
      return v -> {
        Decimal dec = Decimal.apply((BigDecimal) v);
        return dec.changePrecision(precision, scale) ? dec : null;
      };
    }
    return switch ((PrimitiveType) t) {
      case STRING -> v -> UTF8String.fromString((String) v);
      case DATE -> v -> DateTimeUtils.localDateToDays((LocalDate) v);
      case TIMESTAMP -> v -> DateTimeUtils.instantToMicros((Instant) v);
      case TIMESTAMP_NTZ -> v -> DateTimeUtils.localDateTimeToMicros((LocalDateTime) v);
      case VOID -> v -> null;
      // Long, Integer, Short, Byte, Float, Double, Boolean and byte[] are Catalyst's own.
      default -> v -> v;
    };
  }

  /**
   * An engine row as a Catalyst row of the same schema (converters from {@link
   * #toInternal(StructType)}).
   */
  static GenericInternalRow row(Row row, ToInternal[] fields) {
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Object v = row.get(i);
      values[i] = v == null ? null : fields[i].apply(v);
    }
    return new GenericInternalRow(values);
  }

  private static GenericArrayData array(List<?> list, ToInternal element) {
    Object[] values = new Object[list.size()];
    int k = 0;
    for (Object x : list) {
      values[k++] = x == null ? null : element.apply(x);
    }
    return new GenericArrayData(values);
  }

  // ---- Catalyst -> engine ----

  static FromInternal[] fromInternal(StructType schema) {
    FromInternal[] out = new FromInternal[schema.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fromInternal(schema.field(i).type());
    }
    return out;
  }

  static FromInternal fromInternal(DataType t) {
    if (t instanceof StructType s) {
      FromInternal[] fields = fromInternal(s);
      int n = s.size();
      return (g, i) -> row(g.getStruct(i, n), fields);
    }
    if (t instanceof ArrayType a) {
      FromInternal element = fromInternal(a.elementType());
      return (g, i) -> list(g.getArray(i), element);
    }
    if (t instanceof MapType m) {
      FromInternal key = fromInternal(m.keyType());
      FromInternal value = fromInternal(m.valueType());
      return (g, i) -> {
        MapData map = g.getMap(i);
        ArrayData keys = map.keyArray();
        ArrayData values = map.valueArray();
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int k = 0; k < map.numElements(); k++) {
          out.put(
              keys.isNullAt(k) ? null : key.get(keys, k),
              values.isNullAt(k) ? null : value.get(values, k));
        }
        return out;
      };
    }
    if (t instanceof DecimalType d) {
      int precision = d.precision();
      int scale = d.scale();
      return (g, i) -> g.getDecimal(i, precision, scale).toJavaBigDecimal();
    }
    return switch ((PrimitiveType) t) {
      case STRING -> (g, i) -> g.getUTF8String(i).toString();
      case LONG -> (g, i) -> g.getLong(i);
      case INTEGER -> (g, i) -> g.getInt(i);
      case SHORT -> (g, i) -> g.getShort(i);
      case BYTE -> (g, i) -> g.getByte(i);
      case FLOAT -> (g, i) -> g.getFloat(i);
      case DOUBLE -> (g, i) -> g.getDouble(i);
      case BOOLEAN -> (g, i) -> g.getBoolean(i);
      case BINARY -> (g, i) -> g.getBinary(i);
      case DATE -> (g, i) -> LocalDate.ofEpochDay(g.getInt(i));
      case TIMESTAMP -> (g, i) -> DateTimeUtils.microsToInstant(g.getLong(i));
      case TIMESTAMP_NTZ -> (g, i) -> DateTimeUtils.microsToLocalDateTime(g.getLong(i));
      case VOID -> (g, i) -> null;
      case VARIANT -> throw new UnsupportedOperationException("variant");
    };
  }

  /** The first {@code fields.length} values of a Catalyst row as an engine row. */
  static Row row(InternalRow r, FromInternal[] fields) {
    return row(r, fields, 0);
  }

  /** The engine row of the fields at {@code offset} onwards of {@code r}. */
  static Row row(InternalRow r, FromInternal[] fields, int offset) {
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = r.isNullAt(offset + i) ? null : fields[i].get(r, offset + i);
    }
    return Row.wrap(values);
  }

  private static List<Object> list(ArrayData a, FromInternal element) {
    int n = a.numElements();
    List<Object> out = new java.util.ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(a.isNullAt(k) ? null : element.get(a, k));
    }
    return out;
  }
}
