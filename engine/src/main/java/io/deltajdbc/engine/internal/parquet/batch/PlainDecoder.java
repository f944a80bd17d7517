package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.BinaryVector;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * PLAIN values (and PLAIN dictionary pages): fixed-width numbers read little-endian in bulk through
 * {@link VarHandle} views, booleans bit-packed, byte arrays length-prefixed or fixed.
 */
final class PlainDecoder implements ValueDecoder {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] buf;
  private final PrimitiveTypeName physical;
  private final int fixedLength;
  private final Conversion conversion;
  private int pos;
  private int bit;
  private int sliceStart;
  private int sliceLength;

  PlainDecoder(
      byte[] buf, int offset, PrimitiveTypeName physical, int fixedLength, Conversion conversion) {
    this.buf = buf;
    this.pos = offset;
    this.physical = physical;
    this.fixedLength = physical == PrimitiveTypeName.INT96 ? 12 : fixedLength;
    this.conversion = conversion;
  }

  @Override
  public void readLongs(long[] dst, int off, int n) {
    int end = off + n;
    switch (physical) {
      case INT64 -> {
        for (int i = off; i < end; i++, pos += 8) {
          dst[i] = (long) LONG.get(buf, pos);
        }
      }
      case INT32 -> {
        for (int i = off; i < end; i++, pos += 4) {
          dst[i] = (int) INT.get(buf, pos);
        }
      }
      case BOOLEAN -> {
        for (int i = off; i < end; i++, bit++) {
          dst[i] = (buf[pos + (bit >>> 3)] >>> (bit & 7)) & 1;
        }
      }
      default -> {
        Conversion.BytesToLong f = conversion.bytesToLong();
        for (int i = off; i < end; i++) {
          nextSlice();
          dst[i] = f.apply(buf, sliceStart, sliceLength);
        }
        return;
      }
    }
    conversion.convertLongs(dst, off, end);
  }

  @Override
  public void readDoubles(double[] dst, int off, int n) {
    int end = off + n;
    switch (physical) {
      case DOUBLE -> {
        for (int i = off; i < end; i++, pos += 8) {
          dst[i] = (double) DOUBLE.get(buf, pos);
        }
      }
      case FLOAT -> {
        for (int i = off; i < end; i++, pos += 4) {
          dst[i] = (float) FLOAT.get(buf, pos);
        }
      }
      case INT32 -> {
        for (int i = off; i < end; i++, pos += 4) {
          dst[i] = (int) INT.get(buf, pos);
        }
      }
      case INT64 -> {
        for (int i = off; i < end; i++, pos += 8) {
          dst[i] = (long) LONG.get(buf, pos);
        }
      }
      default -> throw new IllegalStateException("no double values in " + physical);
    }
  }

  @Override
  public void readObjects(Object[] dst, int off, int n) {
    int end = off + n;
    if (conversion.longObjects() != null) {
      boolean int64 = physical == PrimitiveTypeName.INT64;
      for (int i = off; i < end; i++) {
        long v;
        if (int64) {
          v = (long) LONG.get(buf, pos);
          pos += 8;
        } else {
          v = (int) INT.get(buf, pos);
          pos += 4;
        }
        dst[i] = conversion.longObjects().apply(v);
      }
      return;
    }
    for (int i = off; i < end; i++) {
      nextSlice();
      dst[i] = conversion.bytesObjects().apply(buf, sliceStart, sliceLength);
    }
  }

  @Override
  public void appendBytes(BinaryVector v, int n) {
    for (int i = 0; i < n; i++) {
      nextSlice();
      v.append(buf, sliceStart, sliceLength);
    }
  }

  @Override
  public void skip(int n) {
    switch (physical) {
      case INT32, FLOAT -> pos += 4 * n;
      case INT64, DOUBLE -> pos += 8 * n;
      case BOOLEAN -> bit += n;
      default -> {
        for (int i = 0; i < n; i++) {
          nextSlice();
        }
      }
    }
  }

  /** The next byte-array value's place: {@link #sliceStart}, {@link #sliceLength}. */
  void nextSlice() {
    if (physical == PrimitiveTypeName.BINARY) {
      sliceLength = (int) INT.get(buf, pos);
      sliceStart = pos + 4;
    } else {
      sliceLength = fixedLength;
      sliceStart = pos;
    }
    pos = sliceStart + sliceLength;
  }

  int sliceStart() {
    return sliceStart;
  }

  int sliceLength() {
    return sliceLength;
  }
}
