package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.LongVector;
import io.deltajdbc.engine.internal.parquet.ReadContext;
import io.deltajdbc.engine.internal.parquet.batch.Conversion.Kind;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The {@link Conversion} of each pair of schema type and Parquet column, the same pairs and values
 * as the record reader's {@code LeafConverters}, in the vectors' representation (timestamps as
 * microseconds, short decimals unscaled at the schema's scale).
 */
final class Conversions {
  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private Conversions() {}

  static Conversion of(
      DataType type,
      org.apache.parquet.schema.PrimitiveType parquet,
      ReadContext ctx,
      String column) {
    PrimitiveTypeName physical = parquet.getPrimitiveTypeName();
    LogicalTypeAnnotation logical = parquet.getLogicalTypeAnnotation();
    Conversion c =
        type instanceof DecimalType d
            ? decimal(d, physical, logical)
            : primitive((PrimitiveType) type, physical, logical);
    if (c == null) {
      throw ctx.typeMismatch(column, parquet, type);
    }
    return c;
  }

  private static Conversion decimal(
      DecimalType d, PrimitiveTypeName physical, LogicalTypeAnnotation logical) {
    int fileScale = logical instanceof DecimalLogicalTypeAnnotation dec ? dec.getScale() : 0;
    int scale = d.scale();
    boolean small = d.precision() <= LongVector.MAX_LONG_DECIMAL_PRECISION;
    switch (physical) {
      case INT32:
      case INT64:
        return small
            ? Conversion.ofLongs(rescale(fileScale, scale))
            : Conversion.ofObjects(v -> BigDecimal.valueOf(v, fileScale).setScale(scale));
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        if (small) {
          java.util.function.LongUnaryOperator r = rescale(fileScale, scale);
          return r == null
              ? Conversion.ofBytesToLong(Conversions::unscaled)
              : Conversion.ofBytesToLong((b, off, len) -> r.applyAsLong(unscaled(b, off, len)));
        }
        return Conversion.ofBytesToObject(
            (b, off, len) ->
                new BigDecimal(new BigInteger(Arrays.copyOfRange(b, off, off + len)), fileScale)
                    .setScale(scale));
      default:
        return null;
    }
  }

  /** A big-endian two's complement integer as a long (through BigInteger past eight bytes). */
  private static long unscaled(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (len <= 8) {
      long v = b[off]; // sign-extended
      for (int i = 1; i < len; i++) {
        v = (v << 8) | (b[off + i] & 0xff);
      }
      return v;
    }
    // wider storage than needed: the value must still fit the schema's precision
    return new BigInteger(Arrays.copyOfRange(b, off, off + len)).longValueExact();
  }

  /** Unscaled at {@code from} to unscaled at {@code to}, failing as BigDecimal.setScale does. */
  private static java.util.function.LongUnaryOperator rescale(int from, int to) {
    if (from == to) {
      return null;
    }
    if (to > from) {
      long f = BigInteger.TEN.pow(to - from).longValueExact();
      return v -> Math.multiplyExact(v, f);
    }
    long f = BigInteger.TEN.pow(from - to).longValueExact();
    return v -> {
      if (v % f != 0) {
        throw new ArithmeticException("Rounding necessary");
      }
      return v / f;
    };
  }

  private static Conversion primitive(
      PrimitiveType p, PrimitiveTypeName physical, LogicalTypeAnnotation logical) {
    boolean bytes =
        physical == PrimitiveTypeName.BINARY || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
    return switch (p) {
      case STRING, BINARY -> bytes ? Conversion.of(Kind.BYTES) : null;
      case BOOLEAN -> physical == PrimitiveTypeName.BOOLEAN ? Conversion.ofLongs(null) : null;
      case BYTE -> physical == PrimitiveTypeName.INT32 ? Conversion.ofLongs(v -> (byte) v) : null;
      case SHORT -> physical == PrimitiveTypeName.INT32 ? Conversion.ofLongs(v -> (short) v) : null;
      case INTEGER, DATE -> physical == PrimitiveTypeName.INT32 ? Conversion.ofLongs(null) : null;
      case LONG ->
          physical == PrimitiveTypeName.INT32 || physical == PrimitiveTypeName.INT64
              ? Conversion.ofLongs(null)
              : null;
      case FLOAT -> physical == PrimitiveTypeName.FLOAT ? Conversion.of(Kind.DOUBLE) : null;
      case DOUBLE ->
          switch (physical) {
            case DOUBLE, FLOAT, INT32, INT64 -> Conversion.of(Kind.DOUBLE);
            default -> null;
          };
      case TIMESTAMP -> timestamp(physical, logical, false);
      case TIMESTAMP_NTZ -> timestamp(physical, logical, true);
      case VOID -> Conversion.of(Kind.NULL);
      case VARIANT -> null;
    };
  }

  private static Conversion timestamp(
      PrimitiveTypeName physical, LogicalTypeAnnotation logical, boolean ntz) {
    if (physical == PrimitiveTypeName.INT96) {
      return Conversion.ofBytesToLong(Conversions::int96Micros);
    }
    if (physical == PrimitiveTypeName.INT64) {
      long nanosPerUnit =
          logical instanceof TimestampLogicalTypeAnnotation t
              ? (t.getUnit() == TimeUnit.MILLIS
                  ? 1_000_000L
                  : t.getUnit() == TimeUnit.NANOS ? 1L : 1_000L)
              : 1_000L;
      if (nanosPerUnit == 1_000L) {
        return Conversion.ofLongs(null);
      }
      // nanoseconds: the vector keeps microseconds (LongVector's unit), rounded down
      return nanosPerUnit == 1L
          ? Conversion.ofLongs(v -> Math.floorDiv(v, 1000L))
          : Conversion.ofLongs(v -> Math.multiplyExact(v, 1000L));
    }
    if (ntz
        && physical == PrimitiveTypeName.INT32
        && logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return Conversion.ofLongs(v -> v * MICROS_PER_DAY);
    }
    return null;
  }

  /** INT96: eight little-endian bytes of nanoseconds in the day, then four of the Julian day. */
  private static long int96Micros(byte[] b, int off, int len) {
    long nanosOfDay = 0;
    for (int i = 7; i >= 0; i--) {
      nanosOfDay = (nanosOfDay << 8) | (b[off + i] & 0xff);
    }
    long julianDay = 0;
    for (int i = 11; i >= 8; i--) {
      julianDay = (julianDay << 8) | (b[off + i] & 0xff);
    }
    long epochDay = julianDay - JULIAN_DAY_OF_EPOCH;
    return Math.addExact(
        Math.multiplyExact(epochDay, MICROS_PER_DAY), Math.floorDiv(nanosOfDay, 1000L));
  }
}
