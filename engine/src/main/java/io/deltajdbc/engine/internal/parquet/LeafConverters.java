package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Converters from a Parquet primitive column to the Java value of a schema type (see {@link
 * io.deltajdbc.engine.data.Row}), for every physical encoding the protocol allows: INT96,
 * millisecond, microsecond and nanosecond timestamps; decimals as INT32, INT64, BINARY and
 * FIXED_LEN_BYTE_ARRAY; and the widenings of the typeWidening feature (integers to wider integers,
 * double and decimal; float to double; date to timestamp_ntz; decimals to more precision and
 * scale).
 */
final class LeafConverters {
  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

  private LeafConverters() {}

  static PrimitiveConverter create(
      DataType type,
      org.apache.parquet.schema.PrimitiveType parquet,
      ReadContext ctx,
      String column,
      ValueSink sink) {
    PrimitiveTypeName physical = parquet.getPrimitiveTypeName();
    LogicalTypeAnnotation logical = parquet.getLogicalTypeAnnotation();
    if (type instanceof DecimalType d) {
      int fileScale = logical instanceof DecimalLogicalTypeAnnotation dec ? dec.getScale() : 0;
      int scale = d.scale();
      switch (physical) {
        case INT32:
          return new IntLeaf(sink, v -> BigDecimal.valueOf(v, fileScale).setScale(scale));
        case INT64:
          return new LongLeaf(sink, v -> BigDecimal.valueOf(v, fileScale).setScale(scale));
        case BINARY:
        case FIXED_LEN_BYTE_ARRAY:
          return new BinaryLeaf(
              sink, b -> new BigDecimal(new BigInteger(b.getBytes()), fileScale).setScale(scale));
        default:
          throw ctx.typeMismatch(column, parquet, type);
      }
    }
    PrimitiveType p = (PrimitiveType) type;
    PrimitiveConverter c =
        switch (p) {
          case STRING ->
              physical == PrimitiveTypeName.BINARY
                      || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
                  ? new BinaryLeaf(sink, b -> b.toStringUsingUTF8())
                  : null;
          case BINARY ->
              physical == PrimitiveTypeName.BINARY
                      || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
                  ? new BinaryLeaf(sink, Binary::getBytes)
                  : null;
          case BOOLEAN -> physical == PrimitiveTypeName.BOOLEAN ? new BooleanLeaf(sink) : null;
          case BYTE ->
              physical == PrimitiveTypeName.INT32 ? new IntLeaf(sink, v -> (byte) v) : null;
          case SHORT ->
              physical == PrimitiveTypeName.INT32 ? new IntLeaf(sink, v -> (short) v) : null;
          case INTEGER -> physical == PrimitiveTypeName.INT32 ? new IntLeaf(sink, v -> v) : null;
          case LONG ->
              switch (physical) {
                case INT32 -> new IntLeaf(sink, v -> (long) v);
                case INT64 -> new LongLeaf(sink, v -> v);
                default -> null;
              };
          case FLOAT -> physical == PrimitiveTypeName.FLOAT ? new FloatLeaf(sink, v -> v) : null;
          case DOUBLE ->
              switch (physical) {
                case DOUBLE -> new DoubleLeaf(sink);
                case FLOAT -> new FloatLeaf(sink, v -> (double) v);
                case INT32 -> new IntLeaf(sink, v -> (double) v);
                case INT64 -> new LongLeaf(sink, v -> (double) v);
                default -> null;
              };
          case DATE ->
              physical == PrimitiveTypeName.INT32 ? new IntLeaf(sink, LocalDate::ofEpochDay) : null;
          case TIMESTAMP -> timestamp(physical, logical, sink);
          case TIMESTAMP_NTZ -> timestampNtz(physical, logical, sink);
          case VOID -> new NullLeaf();
          case VARIANT -> null;
        };
    if (c == null) {
      throw ctx.typeMismatch(column, parquet, type);
    }
    return c;
  }

  private static PrimitiveConverter timestamp(
      PrimitiveTypeName physical, LogicalTypeAnnotation logical, ValueSink sink) {
    if (physical == PrimitiveTypeName.INT96) {
      return new BinaryLeaf(sink, LeafConverters::int96);
    }
    if (physical == PrimitiveTypeName.INT64) {
      long nanosPerUnit = nanosPerUnit(logical);
      return new LongLeaf(sink, v -> instant(v, nanosPerUnit));
    }
    return null;
  }

  private static PrimitiveConverter timestampNtz(
      PrimitiveTypeName physical, LogicalTypeAnnotation logical, ValueSink sink) {
    if (physical == PrimitiveTypeName.INT64) {
      long nanosPerUnit = nanosPerUnit(logical);
      return new LongLeaf(
          sink, v -> LocalDateTime.ofInstant(instant(v, nanosPerUnit), ZoneOffset.UTC));
    }
    if (physical == PrimitiveTypeName.INT32
        && logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return new IntLeaf(sink, v -> LocalDate.ofEpochDay(v).atStartOfDay());
    }
    if (physical == PrimitiveTypeName.INT96) {
      return new BinaryLeaf(sink, b -> LocalDateTime.ofInstant(int96(b), ZoneOffset.UTC));
    }
    return null;
  }

  /** Unannotated INT64 timestamps are microseconds, as Spark writes them. */
  private static long nanosPerUnit(LogicalTypeAnnotation logical) {
    if (logical instanceof TimestampLogicalTypeAnnotation t) {
      return t.getUnit() == TimeUnit.MILLIS
          ? 1_000_000L
          : t.getUnit() == TimeUnit.NANOS ? 1L : 1_000L;
    }
    return 1_000L;
  }

  private static Instant instant(long value, long nanosPerUnit) {
    long unitsPerSecond = 1_000_000_000L / nanosPerUnit;
    return Instant.ofEpochSecond(
        Math.floorDiv(value, unitsPerSecond), Math.floorMod(value, unitsPerSecond) * nanosPerUnit);
  }

  /** INT96: eight little-endian bytes of nanoseconds in the day, then four of the Julian day. */
  static Instant int96(Binary b) {
    ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buf.getLong();
    long julianDay = Integer.toUnsignedLong(buf.getInt());
    long epochDay = julianDay - JULIAN_DAY_OF_EPOCH;
    return Instant.ofEpochSecond(Math.multiplyExact(epochDay, 86_400L), nanosOfDay);
  }

  /** Decodes dictionary pages once, so each dictionary-encoded value costs one array read. */
  private abstract static class DictionaryLeaf extends PrimitiveConverter {
    final ValueSink sink;
    private Object[] dictionary;

    DictionaryLeaf(ValueSink sink) {
      this.sink = sink;
    }

    abstract Object decode(Dictionary d, int id);

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary d) {
      dictionary = new Object[d.getMaxId() + 1];
      for (int i = 0; i < dictionary.length; i++) {
        dictionary[i] = decode(d, i);
      }
    }

    @Override
    public void addValueFromDictionary(int id) {
      sink.set(dictionary[id]);
    }
  }

  private static final class BinaryLeaf extends DictionaryLeaf {
    private final Function<Binary, Object> f;

    BinaryLeaf(ValueSink sink, Function<Binary, Object> f) {
      super(sink);
      this.f = f;
    }

    @Override
    Object decode(Dictionary d, int id) {
      return f.apply(d.decodeToBinary(id));
    }

    @Override
    public void addBinary(Binary value) {
      sink.set(f.apply(value));
    }
  }

  private static final class IntLeaf extends DictionaryLeaf {
    private final IntFunction<Object> f;

    IntLeaf(ValueSink sink, IntFunction<Object> f) {
      super(sink);
      this.f = f;
    }

    @Override
    Object decode(Dictionary d, int id) {
      return f.apply(d.decodeToInt(id));
    }

    @Override
    public void addInt(int value) {
      sink.set(f.apply(value));
    }
  }

  private static final class LongLeaf extends DictionaryLeaf {
    private final LongFunction<Object> f;

    LongLeaf(ValueSink sink, LongFunction<Object> f) {
      super(sink);
      this.f = f;
    }

    @Override
    Object decode(Dictionary d, int id) {
      return f.apply(d.decodeToLong(id));
    }

    @Override
    public void addLong(long value) {
      sink.set(f.apply(value));
    }
  }

  private static final class FloatLeaf extends DictionaryLeaf {
    private final Function<Float, Object> f;

    FloatLeaf(ValueSink sink, Function<Float, Object> f) {
      super(sink);
      this.f = f;
    }

    @Override
    Object decode(Dictionary d, int id) {
      return f.apply(d.decodeToFloat(id));
    }

    @Override
    public void addFloat(float value) {
      sink.set(f.apply(value));
    }
  }

  private static final class DoubleLeaf extends DictionaryLeaf {
    DoubleLeaf(ValueSink sink) {
      super(sink);
    }

    @Override
    Object decode(Dictionary d, int id) {
      return d.decodeToDouble(id);
    }

    @Override
    public void addDouble(double value) {
      sink.set(value);
    }
  }

  private static final class BooleanLeaf extends PrimitiveConverter {
    private final ValueSink sink;

    BooleanLeaf(ValueSink sink) {
      this.sink = sink;
    }

    @Override
    public void addBoolean(boolean value) {
      sink.set(value);
    }
  }

  /** A column of Spark's NullType: whatever the file holds, the value is null. */
  private static final class NullLeaf extends PrimitiveConverter {
    @Override
    public void addInt(int value) {}

    @Override
    public void addLong(long value) {}

    @Override
    public void addBinary(Binary value) {}

    @Override
    public void addBoolean(boolean value) {}
  }
}
