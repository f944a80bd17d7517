package io.deltajdbc.engine.internal.parquet.batch;

import org.apache.parquet.io.ParquetDecodingException;

/**
 * DELTA_LENGTH_BYTE_ARRAY values: every value's length (DELTA_BINARY_PACKED), decoded up front,
 * then all the values' bytes one after the other.
 */
final class DeltaLengthByteArrayDecoder extends SliceDecoder {
  private final byte[] buf;
  private final int[] lengths;
  private final int limit;
  private int index;
  private int pos;

  DeltaLengthByteArrayDecoder(byte[] buf, int offset, int limit, Conversion conversion) {
    super(conversion);
    DeltaBinaryPackedDecoder header = new DeltaBinaryPackedDecoder(buf, offset, limit, true, null);
    this.buf = buf;
    this.lengths = header.readRemainingInts();
    this.pos = header.position();
    this.limit = limit;
    this.sliceBuffer = buf;
  }

  /** The offset just past the bytes of the values read so far. */
  int position() {
    return pos;
  }

  /** The number of values. */
  int count() {
    return lengths.length;
  }

  @Override
  void nextSlice() {
    if (index >= lengths.length) {
      throw new ParquetDecodingException(
          "DELTA_LENGTH_BYTE_ARRAY data holds fewer values than read");
    }
    int length = lengths[index++];
    if (length < 0 || length > limit - pos) {
      throw new ParquetDecodingException(
          "DELTA_LENGTH_BYTE_ARRAY value of " + length + " bytes runs past its page");
    }
    sliceStart = pos;
    sliceLength = length;
    pos += length;
  }
}
