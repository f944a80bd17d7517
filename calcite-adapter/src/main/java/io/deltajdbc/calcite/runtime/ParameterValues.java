package io.deltajdbc.calcite.runtime;

import io.deltajdbc.calcite.internal.CalciteValues;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A bound parameter value (or a VALUES literal in the same representation) as the engine value of
 * its column: strings parsed for numeric, boolean, date and timestamp columns; numbers narrowed
 * exactly to integral columns (a fraction or an overflow is an error naming the column), so CHECK
 * constraints evaluate the column's own type; everything else as Calcite hands it over.
 */
final class ParameterValues {
  private ParameterValues() {}

  static Object toEngine(String table, StructField column, Object v) {
    if (v == null) {
      return null;
    }
    DataType type = column.type();
    try {
      if (v instanceof String s && type != PrimitiveType.STRING && type != PrimitiveType.VARIANT) {
        v = parse(s.trim(), type);
      }
      if (v instanceof Number n && type instanceof PrimitiveType p && p.isIntegral()) {
        // exactly, before CHECK constraints see the row: 1.5 or 300 for a TINYINT does not fit
        return integral(n, p);
      }
      return CalciteValues.toEngine(v, type);
    } catch (ClassCastException
        | IllegalArgumentException
        | DateTimeParseException
        | ArithmeticException e) {
      throw DeltaErrors.valueDoesNotFit(table, column.name(), v, type);
    }
  }

  private static Object integral(Number n, PrimitiveType type) {
    long v =
        n instanceof BigDecimal b
            ? b.longValueExact()
            : n instanceof Double || n instanceof Float
                ? new BigDecimal(n.toString()).longValueExact()
                : n.longValue();
    return switch (type) {
      case LONG -> v;
      case INTEGER -> Math.toIntExact(v);
      case SHORT -> (short) fit(v, Short.MIN_VALUE, Short.MAX_VALUE);
      case BYTE -> (byte) fit(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
      default -> throw new IllegalArgumentException("not integral: " + type);
    };
  }

  private static long fit(long v, long min, long max) {
    if (v < min || v > max) {
      throw new ArithmeticException(v + " out of range");
    }
    return v;
  }

  private static Object parse(String s, DataType type) {
    if (type instanceof DecimalType) {
      return new BigDecimal(s);
    }
    if (!(type instanceof PrimitiveType p)) {
      return s;
    }
    return switch (p) {
      case LONG, INTEGER, SHORT, BYTE -> new BigDecimal(s);
      case FLOAT, DOUBLE -> Double.parseDouble(s);
      case BOOLEAN ->
          switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new NumberFormatException(s);
          };
      case DATE -> LocalDate.parse(s).toEpochDay();
      case TIMESTAMP, TIMESTAMP_NTZ -> io.deltajdbc.calcite.time.Micros.parse(s);
      default -> s;
    };
  }
}
