package io.deltajdbc.engine.internal.parquet.batch;

import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * The RLE/bit-packing hybrid of the Parquet format (levels, dictionary ids, RLE booleans),
 * decoded a run at a time: an RLE run fills with one value, a bit-packed run is unpacked eight
 * values at a time by parquet's {@link BytePacker}.
 */
final class RleBitPackedDecoder {
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

  /** Decodes {@code buf[offset .. limit)} of values {@code bitWidth} bits wide. */
  RleBitPackedDecoder(byte[] buf, int offset, int limit, int bitWidth) {
    this.buf = buf;
    this.pos = offset;
    this.limit = limit;
    this.bitWidth = bitWidth;
    this.packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
  }

  /** Reads the next {@code n} values into {@code dst[off ..)}. */
  void readInts(int[] dst, int off, int n) {
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
      throw new IllegalStateException("RLE/bit-packed data ends before its values");
    }
    int header = readUnsignedVarInt();
    if ((header & 1) == 0) {
      rle = true;
      runLeft = header >>> 1;
      int bytes = (bitWidth + 7) / 8;
      int v = 0;
      for (int i = 0; i < bytes; i++) {
        v |= (buf[pos++] & 0xff) << (8 * i);
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
      b = buf[pos++] & 0xff;
      value |= (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return value;
  }

  /** The bits needed for values up to {@code max}. */
  static int bitWidth(int max) {
    return 32 - Integer.numberOfLeadingZeros(max);
  }
}
