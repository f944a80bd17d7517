package io.deltajdbc.calcite.write;

import io.deltajdbc.calcite.internal.CalciteValues;
import io.deltajdbc.engine.internal.DeltaErrors;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A bound parameter value as the engine value of its column: numbers of any width narrowed or
 * widened (an overflow is an error), strings parsed for numeric, boolean, date and timestamp
 * columns, and everything else as Calcite would hand it over.
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
      if (v instanceof Number n && type instanceof PrimitiveType p && isIntegral(p)) {
        long l = n instanceof BigDecimal d ? d.longValueExact() : n.longValue();
        if (n instanceof Double || n instanceof Float) {
          if (n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new ArithmeticException("not an integer");
          }
        }
        long min = p == PrimitiveType.INTEGER ? Integer.MIN_VALUE : p == PrimitiveType.SHORT ? Short.MIN_VALUE
            : p == PrimitiveType.BYTE ? Byte.MIN_VALUE : Long.MIN_VALUE;
        long max = p == PrimitiveType.INTEGER ? Integer.MAX_VALUE : p == PrimitiveType.SHORT ? Short.MAX_VALUE
            : p == PrimitiveType.BYTE ? Byte.MAX_VALUE : Long.MAX_VALUE;
        if (l < min || l > max) {
          throw new ArithmeticException("out of range");
        }
        v = l;
      }
      if (type instanceof DecimalType d && v instanceof Number n) {
        BigDecimal b = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
        if (b.setScale(d.scale(), java.math.RoundingMode.HALF_UP).precision() > d.precision()) {
          throw new ArithmeticException("too many digits");
        }
      }
      return CalciteValues.toEngine(v, type);
    } catch (ClassCastException | ArithmeticException | NumberFormatException | DateTimeParseException e) {
      throw DeltaErrors.valueDoesNotFit(table, column.name(), v, type);
    }
  }

  private static boolean isIntegral(PrimitiveType p) {
    return p == PrimitiveType.LONG || p == PrimitiveType.INTEGER || p == PrimitiveType.SHORT
        || p == PrimitiveType.BYTE;
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
      case BOOLEAN -> switch (s.toLowerCase(java.util.Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new NumberFormatException(s);
      };
      case DATE -> LocalDate.parse(s).toEpochDay();
      case TIMESTAMP, TIMESTAMP_NTZ -> LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
      default -> s;
    };
  }
}
