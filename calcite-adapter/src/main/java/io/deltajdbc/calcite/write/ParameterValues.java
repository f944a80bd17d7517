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
 * A bound parameter value as the engine value of its column: strings parsed for numeric, boolean,
 * date and timestamp columns; numbers handed on as they are (the engine's writer converts them
 * exactly, and an overflow is its error naming the column); everything else as Calcite hands it over.
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
      if (v instanceof Number && type instanceof PrimitiveType p && (p.isIntegral() || p == PrimitiveType.FLOAT
          || p == PrimitiveType.DOUBLE)) {
        return v; // the engine's writer narrows it exactly, or names the column it does not fit
      }
      return CalciteValues.toEngine(v, type);
    } catch (ClassCastException | NumberFormatException | DateTimeParseException e) {
      throw DeltaErrors.valueDoesNotFit(table, column.name(), v, type);
    }
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
