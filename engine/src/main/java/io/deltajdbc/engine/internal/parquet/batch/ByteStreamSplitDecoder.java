package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.BinaryVector;
import java.util.function.LongFunction;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * BYTE_STREAM_SPLIT values: for values {@code width} bytes wide, byte {@code k} of every value in
 * stream {@code k} (the page's values cut in {@code width} equal parts). FLOAT and DOUBLE, and
 * INT32, INT64 and FIXED_LEN_BYTE_ARRAY as newer writers allow; numbers are little-endian.
 */
final class ByteStreamSplitDecoder implements ValueDecoder {
  private final byte[] buf;
  private final int start;
  private final int width;
  private final int count;
  private final PrimitiveTypeName physical;
  private final Conversion conversion;
  private final byte[] value;
  private int index;
  private long[] scratch = new long[0];

  ByteStreamSplitDecoder(
      byte[] buf,
      int offset,
      int limit,
      PrimitiveTypeName physical,
      int fixedLength,
      Conversion conversion) {
    this.width =
        switch (physical) {
          case FLOAT, INT32 -> 4;
          case DOUBLE, INT64 -> 8;
          case FIXED_LEN_BYTE_ARRAY -> fixedLength;
          default ->
              throw new ParquetDecodingException("BYTE_STREAM_SPLIT does not encode " + physical);
        };
    if (width <= 0 || (limit - offset) % width != 0) {
      throw new ParquetDecodingException(
          "BYTE_STREAM_SPLIT data of "
              + (limit - offset)
              + " bytes is not a whole number of "
              + width
              + "-byte values");
    }
    this.buf = buf;
    this.start = offset;
    this.count = (limit - offset) / width;
    this.physical = physical;
    this.conversion = conversion;
    this.value = new byte[width];
  }

  private int take(int n) {
    if (n > count - index) {
      throw new ParquetDecodingException(
          "BYTE_STREAM_SPLIT data holds " + count + " values, fewer than read");
    }
    int i = index;
    index += n;
    return i;
  }

  /** The next {@code n} 4- or 8-byte values as their bits (INT32 sign-extended). */
  private void readBits(long[] dst, int off, int n) {
    int from = take(n);
    byte[] b = buf;
    if (width == 4) {
      int s0 = start + from;
      int s1 = s0 + count;
      int s2 = s1 + count;
      int s3 = s2 + count;
      for (int i = 0; i < n; i++) {
        dst[off + i] =
            (b[s0 + i] & 0xff)
                | (b[s1 + i] & 0xff) << 8
                | (b[s2 + i] & 0xff) << 16
                | b[s3 + i] << 24;
      }
    } else {
      int s = start + from;
      for (int i = 0; i < n; i++) {
        long v = 0;
        for (int k = 7, p = s + i + 7 * count; k >= 0; k--, p -= count) {
          v = (v << 8) | (b[p] & 0xff);
        }
        dst[off + i] = v;
      }
    }
  }

  /** The next FIXED_LEN_BYTE_ARRAY value gathered into {@link #value}. */
  private void gather() {
    int i = start + take(1);
    for (int k = 0; k < width; k++, i += count) {
      value[k] = buf[i];
    }
  }

  @Override
  public void readLongs(long[] dst, int off, int n) {
    if (physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
      Conversion.BytesToLong f = conversion.bytesToLong();
      for (int i = 0; i < n; i++) {
        gather();
        dst[off + i] = f.apply(value, 0, width);
      }
      return;
    }
    readBits(dst, off, n);
    conversion.convertLongs(dst, off, off + n);
  }

  @Override
  public void readDoubles(double[] dst, int off, int n) {
    long[] bits = scratch(n);
    readBits(bits, 0, n);
    switch (physical) {
      case FLOAT -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = Float.intBitsToFloat((int) bits[i]);
        }
      }
      case DOUBLE -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = Double.longBitsToDouble(bits[i]);
        }
      }
      case INT32, INT64 -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = bits[i];
        }
      }
      default -> throw new IllegalStateException("no double values in " + physical);
    }
  }

  @Override
  public void readObjects(Object[] dst, int off, int n) {
    if (physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
      Conversion.BytesToObject f = conversion.bytesObjects();
      for (int i = 0; i < n; i++) {
        gather();
        dst[off + i] = f.apply(value, 0, width);
      }
      return;
    }
    long[] bits = scratch(n);
    readBits(bits, 0, n);
    LongFunction<Object> f = conversion.longObjects();
    for (int i = 0; i < n; i++) {
      dst[off + i] = f.apply(bits[i]);
    }
  }

  @Override
  public void appendBytes(BinaryVector v, int n) {
    if (physical != PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
      throw new IllegalStateException(physical + " read as bytes");
    }
    for (int i = 0; i < n; i++) {
      gather();
      v.append(value, 0, width);
    }
  }

  @Override
  public void skip(int n) {
    take(n);
  }

  private long[] scratch(int n) {
    if (scratch.length < n) {
      scratch = new long[n];
    }
    return scratch;
  }
}
