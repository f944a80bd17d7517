package io.deltajdbc.engine.internal.parquet.batch;

import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * The RLE/bit-packing hybrid of the Parquet format (levels, dictionary ids, RLE booleans), decoded
 * a run at a time: an RLE run fills with one value, a bit-packed run is unpacked eight values at a
 * time by parquet's {@link BytePacker}. The batch reader and the checkpoint reader both decode with
 * it. Damaged data fails with a {@link ParquetDecodingException}: a header cut short, or no run
 * left where values are due; a last run cut short reads as zeros.
 */
public final class RleBitPackedDecoder {
  private final byte[] buf;
  private final int limit;
  private final int bitWidth;
  private final BytePacker packer;
  private int pos;
  private boolean rle;
  private int runLeft;
  private int rleValue;
  private int[] packed = new int[0];
  private int packedPos;

  /** Decodes {@code buf[offset .. limit)} of values {@code bitWidth} bits wide (0 to 32). */
  public RleBitPackedDecoder(byte[] buf, int offset, int limit, int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new ParquetDecodingException("invalid bit width " + bitWidth);
    }
    this.buf = buf;
    this.pos = offset;
    this.limit = Math.min(limit, buf.length);
    this.bitWidth = bitWidth;
    this.packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
  }

  /** The next value. */
  public int next() {
    while (runLeft == 0) {
      nextRun();
    }
    runLeft--;
    return rle ? rleValue : packed[packedPos++];
  }

  /** Reads the next {@code n} values into {@code dst[off ..)}. */
  public void readInts(int[] dst, int off, int n) {
    while (n > 0) {
      if (runLeft == 0) {
        nextRun();
      }
      int k = Math.min(n, runLeft);
      if (rle) {
        Arrays.fill(dst, off, off + k, rleValue);
      } else {
        System.arraycopy(packed, packedPos, dst, off, k);
        packedPos += k;
      }
      runLeft -= k;
      off += k;
      n -= k;
    }
  }

  /** How many of the next {@code n} values equal {@code value}, read into {@code dst[0 .. n)}. */
  int readCounting(int[] dst, int n, int value) {
    readInts(dst, 0, n);
    int c = 0;
    for (int i = 0; i < n; i++) {
      c += dst[i] == value ? 1 : 0;
    }
    return c;
  }

  private void nextRun() {
    if (pos >= limit) {
      throw new ParquetDecodingException("RLE/bit-packed data ends before its values");
    }
    int header = readUnsignedVarInt();
    if ((header & 1) == 0) {
      rle = true;
      runLeft = header >>> 1;
      int bytes = (bitWidth + 7) / 8;
      int v = 0;
      for (int i = 0; i < bytes; i++, pos++) {
        v |= (pos < limit ? buf[pos] & 0xff : 0) << (8 * i);
      }
      rleValue = v;
    } else {
      rle = false;
      int groups = header >>> 1;
      int count = groups * 8;
      if (packed.length < count) {
        packed = new int[Math.max(count, packed.length * 2)];
      }
      int bytes = groups * bitWidth;
      byte[] src = buf;
      int at = pos;
      if (pos + bytes > limit) {
        // the last run may be cut short: unpack from a zero-padded copy
        src = Arrays.copyOfRange(buf, pos, pos + bytes);
        Arrays.fill(src, Math.max(0, limit - pos), bytes, (byte) 0);
        at = 0;
      }
      for (int g = 0; g < groups; g++) {
        packer.unpack8Values(src, at + g * bitWidth, packed, g * 8);
      }
      pos += bytes;
      packedPos = 0;
      runLeft = count;
    }
  }

  private int readUnsignedVarInt() {
    int value = 0;
    int shift = 0;
    int b;
    do {
      if (pos >= limit || shift > 28) {
        throw new ParquetDecodingException("RLE/bit-packed data has a truncated run header");
      }
      b = buf[pos++] & 0xff;
      value |= (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return value;
  }

  /** The bits needed for values up to {@code max}. */
  public static int bitWidth(int max) {
    return 32 - Integer.numberOfLeadingZeros(max);
  }
}
