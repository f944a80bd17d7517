package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.data.BinaryVector;
import io.deltajdbc.engine.data.ColumnVector;
import io.deltajdbc.engine.data.DoubleVector;
import io.deltajdbc.engine.data.LongVector;
import io.deltajdbc.engine.data.ObjectVector;
import io.deltajdbc.engine.types.DecimalType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Puts a value in {@link io.deltajdbc.engine.data.Row}'s Java representation into a vector. */
final class VectorValues {
  private VectorValues() {}

  /**
   * Sets row {@code i} of {@code v} to {@code value} (null: NULL). A {@link BinaryVector} is
   * appended to, so its rows must be set in order.
   */
  static void set(ColumnVector v, int i, Object value) {
    if (value == null) {
      if (v instanceof BinaryVector b) {
        b.appendNull();
      } else {
        v.setNull(i);
      }
    } else if (v instanceof LongVector l) {
      l.values()[i] = toLong(value, l);
    } else if (v instanceof DoubleVector d) {
      d.values()[i] = ((Number) value).doubleValue();
    } else if (v instanceof BinaryVector b) {
      byte[] bytes =
          value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) value;
      b.append(bytes, 0, bytes.length);
    } else {
      ((ObjectVector) v).set(i, value);
    }
  }

  private static long toLong(Object value, LongVector v) {
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof BigDecimal d) {
      return d.setScale(((DecimalType) v.type()).scale()).unscaledValue().longValueExact();
    }
    if (value instanceof LocalDate d) {
      return d.toEpochDay();
    }
    if (value instanceof Instant t) {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }
    if (value instanceof LocalDateTime t) {
      return Math.addExact(
          Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L), t.getNano() / 1000);
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalArgumentException(
        "no long representation of "
            + value.getClass().getName()
            + " for a column of type "
            + v.type());
  }
}
