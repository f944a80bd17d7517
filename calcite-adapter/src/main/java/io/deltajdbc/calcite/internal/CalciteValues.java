package io.deltajdbc.calcite.internal;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.data.VariantValue;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Engine values in Calcite's runtime representation: DATE as days since the epoch (int),
 * TIMESTAMP as milliseconds (long, UTC wall clock), VARBINARY as {@link ByteString}, ROW as
 * {@code Object[]}, ARRAY as {@link List}, MAP as {@link Map}; other values unchanged.
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
      ((Map<?, ?>) v).forEach((k, x) -> out.put(toCalcite(k, m.keyType()), toCalcite(x, m.valueType())));
      return out;
    }
    if (v instanceof LocalDate d) {
      return (int) d.toEpochDay();
    }
    if (v instanceof Instant i) {
      return i.toEpochMilli();
    }
    if (v instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC).toEpochMilli();
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
}
