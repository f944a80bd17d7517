package io.deltajdbc.calcite.exec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Values of batch results in the Java representation Calcite's generated code expects for a type.
 */
final class CalciteResults {
  private CalciteResults() {}

  /**
   * {@code v} (a Long of a 64-bit column, unscaled for decimals at {@code scale}; a BigDecimal; a
   * Double; the bytes of a string; or null) as a value of {@code type}.
   */
  static Object of(Object v, RelDataType type, int scale) {
    if (v == null) {
      return null;
    }
    return switch (type.getSqlTypeName()) {
      case DECIMAL -> {
        BigDecimal d =
            v instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) v).longValue(), scale);
        yield d.scale() == type.getScale() ? d : d.setScale(type.getScale(), RoundingMode.HALF_UP);
      }
      case BIGINT -> ((Number) v).longValue();
      case INTEGER, DATE -> ((Number) v).intValue();
      case SMALLINT -> ((Number) v).shortValue();
      case TINYINT -> ((Number) v).byteValue();
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> ((Number) v).longValue();
      case BOOLEAN -> ((Number) v).longValue() != 0;
      case DOUBLE, FLOAT -> ((Number) v).doubleValue();
      case REAL -> ((Number) v).floatValue();
      case CHAR, VARCHAR -> new String((byte[]) v, StandardCharsets.UTF_8);
      case BINARY, VARBINARY -> new ByteString((byte[]) v);
      default -> throw new IllegalStateException("no batch result of type " + type);
    };
  }
}
