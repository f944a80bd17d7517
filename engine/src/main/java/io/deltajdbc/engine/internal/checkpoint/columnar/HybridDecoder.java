package io.deltajdbc.engine.internal.checkpoint.columnar;

import java.util.Arrays;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * The RLE/bit-packing hybrid of the Parquet format (levels, dictionary ids, RLE booleans): a run
 * header, then one repeated value or groups of eight values packed least significant bit first.
 */
final class HybridDecoder {
  private final byte[] buf;
  private final int limit;
  private final int bitWidth;
  private final int byteWidth;
  private int pos;
  private boolean rle;
  private int runLeft;
  private int runValue;
  private final int[] packed = new int[8];
  private int packedPos;
  private int groupsLeft;

  /** Decodes {@code buf[offset .. limit)} holding values {@code bitWidth} bits wide (0 to 32). */
  HybridDecoder(byte[] buf, int offset, int limit, int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new ParquetDecodingException("invalid bit width " + bitWidth);
    }
    this.buf = buf;
    this.pos = offset;
    this.limit = Math.min(limit, buf.length);
    this.bitWidth = bitWidth;
    this.byteWidth = (bitWidth + 7) / 8;
  }

  /** The bits needed for values up to {@code max}. */
  static int bitWidth(int max) {
    return 32 - Integer.numberOfLeadingZeros(max);
  }

  int next() {
    if (runLeft == 0) {
      nextRun();
    }
    runLeft--;
    if (rle) {
      return runValue;
    }
    if (packedPos == 8) {
      unpackGroup();
    }
    return packed[packedPos++];
  }

  /** The next {@code n} values into {@code dst[off ..)}. */
  void read(int[] dst, int off, int n) {
    while (n > 0) {
      if (runLeft == 0) {
        nextRun();
      }
      if (rle) {
        int k = Math.min(n, runLeft);
        Arrays.fill(dst, off, off + k, runValue);
        runLeft -= k;
        off += k;
        n -= k;
      } else {
        dst[off++] = next();
        n--;
      }
    }
  }

  private void nextRun() {
    if (pos >= limit) {
      throw new ParquetDecodingException("RLE/bit-packed data ends before its values");
    }
    int header = readVarInt();
    if ((header & 1) == 0) {
      rle = true;
      runLeft = header >>> 1;
      int v = 0;
      for (int i = 0; i < byteWidth; i++) {
        v |= (pos < limit ? buf[pos] & 0xff : 0) << (8 * i);
        pos++;
      }
      runValue = v;
    } else {
      rle = false;
      groupsLeft = header >>> 1;
      runLeft = groupsLeft * 8;
      packedPos = 8;
    }
    if (runLeft <= 0) {
      throw new ParquetDecodingException("RLE/bit-packed data has an empty run");
    }
  }

  /** Eight values of {@code bitWidth} bits, least significant bit first; a cut-short last group reads as zeros. */
  private void unpackGroup() {
    long acc = 0;
    int bits = 0;
    for (int i = 0; i < 8; i++) {
      while (bits < bitWidth) {
        acc |= (long) (pos < limit ? buf[pos] & 0xff : 0) << bits;
        pos++;
        bits += 8;
      }
      packed[i] = (int) (acc & ((1L << bitWidth) - 1));
      acc >>>= bitWidth;
      bits -= bitWidth;
    }
    groupsLeft--;
    packedPos = 0;
  }

  private int readVarInt() {
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

  /** Where the decoder stopped reading (bytes consumed so far, from the buffer's start). */
  int position() {
    return pos;
  }
}
