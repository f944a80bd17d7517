package io.deltajdbc.calcite.internal;

import io.deltajdbc.calcite.time.Micros;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.data.VariantValue;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Engine values in Calcite's runtime representation: DATE as days since the epoch (int), TIMESTAMP
 * as microseconds (long, UTC wall clock: see {@link Micros}), VARBINARY as {@link ByteString}, ROW
 * as {@code Object[]}, ARRAY as {@link List}, MAP as {@link Map}; other values unchanged.
 */
public final class CalciteValues {
  private CalciteValues() {}

  public static Object toCalcite(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type instanceof StructType s) {
      Row r = (Row) v;
      Object[] out = new Object[s.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = toCalcite(r.get(i), s.field(i).type());
      }
      return out;
    }
    if (type instanceof ArrayType a) {
      List<Object> out = new ArrayList<>();
      for (Object x : (List<?>) v) {
        out.add(toCalcite(x, a.elementType()));
      }
      return out;
    }
    if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) v)
          .forEach((k, x) -> out.put(toCalcite(k, m.keyType()), toCalcite(x, m.valueType())));
      return out;
    }
    if (v instanceof LocalDate d) {
      return (int) d.toEpochDay();
    }
    if (v instanceof Instant i) {
      return Micros.of(i);
    }
    if (v instanceof LocalDateTime t) {
      return Micros.of(t);
    }
    if (v instanceof byte[] b) {
      return new ByteString(b);
    }
    if (v instanceof VariantValue variant) {
      return variant.toString();
    }
    if (type == PrimitiveType.VOID) {
      return null;
    }
    return v;
  }

  /**
   * A value of Calcite's runtime representation as the engine's value of a column of type {@code
   * type}: the inverse of {@link #toCalcite}. Numbers are narrowed to the column's type (Calcite
   * has already cast them to it), decimals take the column's scale.
   */
  public static Object toEngine(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type instanceof StructType s) {
      Object[] in = v instanceof Object[] a ? a : ((List<?>) v).toArray();
      Object[] out = new Object[s.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = toEngine(in[i], s.field(i).type());
      }
      return Row.wrap(out);
    }
    if (type instanceof ArrayType a) {
      List<Object> out = new ArrayList<>();
      for (Object x : v instanceof Object[] arr ? List.of(arr) : (List<?>) v) {
        out.add(toEngine(x, a.elementType()));
      }
      return out;
    }
    if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) v)
          .forEach((k, x) -> out.put(toEngine(k, m.keyType()), toEngine(x, m.valueType())));
      return out;
    }
    if (type instanceof DecimalType d) {
      BigDecimal b = v instanceof BigDecimal bd ? bd : new BigDecimal(v.toString());
      return b.setScale(d.scale(), RoundingMode.HALF_UP);
    }
    return switch ((PrimitiveType) type) {
      case STRING, VARIANT -> v.toString();
      case LONG -> ((Number) v).longValue();
      case INTEGER -> ((Number) v).intValue();
      case SHORT -> ((Number) v).shortValue();
      case BYTE -> ((Number) v).byteValue();
      case FLOAT -> ((Number) v).floatValue();
      case DOUBLE -> ((Number) v).doubleValue();
      case BOOLEAN -> v;
      case BINARY -> v instanceof ByteString b ? b.getBytes() : v;
      case DATE -> v instanceof Number n ? LocalDate.ofEpochDay(n.longValue()) : v;
      case TIMESTAMP -> v instanceof Number n ? Micros.toInstant(n.longValue()) : v;
      case TIMESTAMP_NTZ -> v instanceof Number n ? Micros.toLocalDateTime(n.longValue()) : v;
      case VOID -> null;
    };
  }
}
