package io.deltajdbc.engine.testing;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A canonical text form of values, so rows read by the engine and expected rows read by {@link
 * ExpectedRows} compare exactly: numbers by value, instants in UTC with microseconds, structs by
 * field name, maps by sorted key, binary as hex.
 */
public final class Normalized {
  private Normalized() {}

  /** The engine's row as sorted-by-name "column=value" text over the given columns. */
  public static String row(Row row, StructType schema) {
    TreeMap<String, String> cells = new TreeMap<>();
    for (int i = 0; i < schema.size(); i++) {
      StructField f = schema.field(i);
      cells.put(f.name().toLowerCase(Locale.ROOT), value(row.get(i), f.type()));
    }
    return cells.toString();
  }

  /** An expected row (name-to-value map) in the same form. */
  public static String expected(Map<String, Object> row) {
    TreeMap<String, String> cells = new TreeMap<>();
    row.forEach((k, v) -> cells.put(k.toLowerCase(Locale.ROOT), value(v, null)));
    return cells.toString();
  }

  @SuppressWarnings("unchecked")
  static String value(Object v, DataType type) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Row r) {
      StructType st = (StructType) type;
      return row(r, st);
    }
    if (v instanceof Map<?, ?> m
        && type == null
        && !(m.isEmpty())
        && m.keySet().iterator().next() instanceof String
        && isStructMap(m)) {
      // An expected struct: name -> value.
      TreeMap<String, String> cells = new TreeMap<>();
      ((Map<String, Object>) m)
          .forEach((k, x) -> cells.put(k.toLowerCase(Locale.ROOT), value(x, null)));
      return cells.toString();
    }
    if (v instanceof Map<?, ?> m) {
      DataType kt = type instanceof MapType mt ? mt.keyType() : null;
      DataType vt = type instanceof MapType mt ? mt.valueType() : null;
      TreeMap<String, String> entries = new TreeMap<>();
      m.forEach((k, x) -> entries.put(value(k, kt), value(x, vt)));
      return "map" + entries;
    }
    if (v instanceof List<?> l) {
      DataType et = type instanceof ArrayType at ? at.elementType() : null;
      List<String> out = new ArrayList<>();
      for (Object x : l) {
        out.add(value(x, et));
      }
      return out.toString();
    }
    if (v instanceof Float f) {
      return f.isNaN()
          ? "NaN"
          : new BigDecimal(Double.toString(f.doubleValue())).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite()
          ? d.toString()
          : new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Number n) {
      return Long.toString(n.longValue());
    }
    if (v instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b);
    }
    if (v instanceof Instant i) {
      return "ts:" + LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
    if (v instanceof LocalDateTime t) {
      return "ts:" + t;
    }
    return v.toString();
  }

  // Expected structs are maps too; they are told apart from real maps by the engine's type on
  // the other side. Without a type, a struct is assumed when all keys are strings and the map
  // came from a Parquet group without MAP annotation, which ExpectedRows marks by class.
  private static boolean isStructMap(Map<?, ?> m) {
    return m instanceof StructMap;
  }

  /** Marker class for structs read by {@link ExpectedRows}. */
  public static final class StructMap extends java.util.LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
  }
}
