package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.BinaryVector;
import java.util.Arrays;
import java.util.function.LongFunction;
import org.apache.parquet.column.values.bitpacking.BytePackerForLong;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * DELTA_BINARY_PACKED values (INT32, INT64; and the lengths inside the DELTA_*_BYTE_ARRAY
 * encodings): a header (block size, miniblocks per block, value count, first value), then blocks of
 * a minimum delta, one bit width per miniblock, and the miniblocks' deltas bit-packed. One
 * miniblock is unpacked at a time, 32 values per call of parquet's {@link BytePackerForLong}, and
 * turned into values by a running sum.
 *
 * <p>INT32 values are summed in 64 bits and truncated per value, which equals the writer's wrapping
 * 32-bit arithmetic. Only miniblocks that hold values have data: the bit widths of the last block's
 * unused miniblocks are ignored (some writers leave garbage there).
 */
final class DeltaBinaryPackedDecoder implements ValueDecoder {
  private final byte[] buf;
  private final int limit;
  private final boolean int32;
  private final Conversion conversion;
  private final int miniblocks;
  private final int perMiniblock;
  private final int[] widths;
  private final long[] values;
  private final int total;
  private int pos;
  private int left;
  private long last;
  private long minDelta;
  private int nextMiniblock;
  private int at;
  private int count;
  private long[] scratch = new long[0];

  /**
   * Decodes {@code buf[offset .. limit)}; {@code int32} truncates each value to 32 bits; {@code
   * conversion} (may be null for raw use) maps them to the vector's values.
   */
  DeltaBinaryPackedDecoder(
      byte[] buf, int offset, int limit, boolean int32, Conversion conversion) {
    this.buf = buf;
    this.pos = offset;
    this.limit = limit;
    this.int32 = int32;
    this.conversion = conversion;
    int blockSize = readUnsignedVarInt();
    this.miniblocks = readUnsignedVarInt();
    this.total = readUnsignedVarInt();
    this.last = readZigZagVarLong();
    if (miniblocks <= 0
        || blockSize <= 0
        || blockSize % miniblocks != 0
        || (blockSize / miniblocks) % 8 != 0
        || total < 0) {
      throw new ParquetDecodingException(
          "DELTA_BINARY_PACKED header is invalid: block size "
              + blockSize
              + ", "
              + miniblocks
              + " miniblocks, "
              + total
              + " values");
    }
    this.perMiniblock = blockSize / miniblocks;
    this.widths = new int[miniblocks];
    this.values = new long[Math.max(perMiniblock, 1)];
    this.nextMiniblock = miniblocks;
    this.left = total;
    if (total > 0) {
      // the first value stands alone, ahead of the first block
      values[0] = last;
      count = 1;
      left--;
    }
  }

  /** The number of values the header announces. */
  int total() {
    return total;
  }

  /** All values not read yet as ints (lengths), leaving the position after the encoded data. */
  int[] readRemainingInts() {
    int n = left + (count - at);
    int[] out = new int[n];
    int done = 0;
    while (done < n) {
      if (at == count) {
        nextMiniblock();
      }
      int k = Math.min(n - done, count - at);
      for (int i = 0; i < k; i++) {
        out[done + i] = (int) values[at + i];
      }
      at += k;
      done += k;
    }
    return out;
  }

  /** The offset just past the data read so far (past everything once all values are read). */
  int position() {
    return pos;
  }

  /** The next {@code n} values, unconverted (truncated to 32 bits for INT32). */
  void readRaw(long[] dst, int off, int n) {
    while (n > 0) {
      if (at == count) {
        nextMiniblock();
      }
      int k = Math.min(n, count - at);
      if (int32) {
        for (int i = 0; i < k; i++) {
          dst[off + i] = (int) values[at + i];
        }
      } else {
        System.arraycopy(values, at, dst, off, k);
      }
      at += k;
      off += k;
      n -= k;
    }
  }

  @Override
  public void readLongs(long[] dst, int off, int n) {
    readRaw(dst, off, n);
    conversion.convertLongs(dst, off, off + n);
  }

  @Override
  public void readDoubles(double[] dst, int off, int n) {
    long[] raw = scratch(n);
    readRaw(raw, 0, n);
    for (int i = 0; i < n; i++) {
      dst[off + i] = raw[i];
    }
  }

  @Override
  public void readObjects(Object[] dst, int off, int n) {
    long[] raw = scratch(n);
    readRaw(raw, 0, n);
    LongFunction<Object> f = conversion.longObjects();
    for (int i = 0; i < n; i++) {
      dst[off + i] = f.apply(raw[i]);
    }
  }

  @Override
  public void appendBytes(BinaryVector v, int n) {
    throw new IllegalStateException("DELTA_BINARY_PACKED integers read as bytes");
  }

  @Override
  public void skip(int n) {
    while (n > 0) {
      if (at == count) {
        nextMiniblock();
      }
      int k = Math.min(n, count - at);
      at += k;
      n -= k;
    }
  }

  private long[] scratch(int n) {
    if (scratch.length < n) {
      scratch = new long[n];
    }
    return scratch;
  }

  /** Unpacks the next miniblock's deltas and sums them into {@link #values}. */
  private void nextMiniblock() {
    if (left == 0) {
      throw new ParquetDecodingException("DELTA_BINARY_PACKED data holds fewer values than read");
    }
    if (nextMiniblock == miniblocks) {
      minDelta = readZigZagVarLong();
      if (pos + miniblocks > limit) {
        throw new ParquetDecodingException("DELTA_BINARY_PACKED block is cut short");
      }
      for (int i = 0; i < miniblocks; i++) {
        widths[i] = buf[pos++] & 0xff;
      }
      nextMiniblock = 0;
    }
    int width = widths[nextMiniblock++];
    if (width > 64) {
      throw new ParquetDecodingException("DELTA_BINARY_PACKED bit width " + width + " is over 64");
    }
    int bytes = perMiniblock / 8 * width;
    long[] v = values;
    if (width == 0) {
      Arrays.fill(v, 0, perMiniblock, 0L);
    } else {
      byte[] src = buf;
      int from = pos;
      if (pos + bytes > limit) {
        // the last miniblock may be cut short: unpack from a zero-padded copy
        if (pos > limit) {
          throw new ParquetDecodingException("DELTA_BINARY_PACKED data is cut short");
        }
        src = Arrays.copyOfRange(buf, pos, pos + bytes);
        Arrays.fill(src, limit - pos, bytes, (byte) 0);
        from = 0;
      }
      BytePackerForLong packer = Packer.LITTLE_ENDIAN.newBytePackerForLong(width);
      int i = 0;
      for (; i + 32 <= perMiniblock; i += 32, from += width * 4) {
        packer.unpack32Values(src, from, v, i);
      }
      for (; i < perMiniblock; i += 8, from += width) {
        packer.unpack8Values(src, from, v, i);
      }
    }
    pos += bytes;
    int n = Math.min(perMiniblock, left);
    long sum = last;
    long min = minDelta;
    for (int i = 0; i < n; i++) {
      sum += min + v[i];
      v[i] = sum;
    }
    last = sum;
    left -= n;
    at = 0;
    count = n;
  }

  private int readUnsignedVarInt() {
    long v = readUnsignedVarLong();
    if (v > Integer.MAX_VALUE) {
      throw new ParquetDecodingException("DELTA_BINARY_PACKED header value " + v + " is too large");
    }
    return (int) v;
  }

  private long readZigZagVarLong() {
    long v = readUnsignedVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  private long readUnsignedVarLong() {
    long value = 0;
    int shift = 0;
    int b;
    do {
      if (pos >= limit || shift > 63) {
        throw new ParquetDecodingException("DELTA_BINARY_PACKED data ends inside a number");
      }
      b = buf[pos++] & 0xff;
      value |= (long) (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return value;
  }
}
