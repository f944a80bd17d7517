package io.deltajdbc.engine.internal.parquet.batch;

import java.util.Arrays;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * DELTA_BYTE_ARRAY values (incremental encoding): each value is a prefix of the previous value (the
 * prefix lengths DELTA_BINARY_PACKED, decoded up front) followed by its own suffix (the suffixes
 * DELTA_LENGTH_BYTE_ARRAY). Values are assembled in one buffer that keeps the previous value in
 * place, so only the suffix is copied.
 */
final class DeltaByteArrayDecoder extends SliceDecoder {
  private final int[] prefixes;
  private final DeltaLengthByteArrayDecoder suffixes;
  private final byte[] page;
  private byte[] value = new byte[64];
  private int valueLength;
  private int index;

  DeltaByteArrayDecoder(byte[] buf, int offset, int limit, Conversion conversion) {
    super(conversion);
    DeltaBinaryPackedDecoder prefixLengths =
        new DeltaBinaryPackedDecoder(buf, offset, limit, true, null);
    this.prefixes = prefixLengths.readRemainingInts();
    this.suffixes =
        new DeltaLengthByteArrayDecoder(buf, prefixLengths.position(), limit, conversion);
    if (suffixes.count() != prefixes.length) {
      throw new ParquetDecodingException(
          "DELTA_BYTE_ARRAY has "
              + prefixes.length
              + " prefix lengths but "
              + suffixes.count()
              + " suffixes");
    }
    this.page = buf;
    this.sliceBuffer = value;
  }

  @Override
  void nextSlice() {
    if (index >= prefixes.length) {
      throw new ParquetDecodingException("DELTA_BYTE_ARRAY data holds fewer values than read");
    }
    int prefix = prefixes[index++];
    if (prefix < 0 || prefix > valueLength) {
      throw new ParquetDecodingException(
          "DELTA_BYTE_ARRAY prefix of "
              + prefix
              + " bytes is longer than the "
              + valueLength
              + " bytes of the previous value");
    }
    suffixes.nextSlice();
    int suffix = suffixes.sliceLength;
    int length = prefix + suffix;
    if (length > value.length) {
      value = Arrays.copyOf(value, Math.max(length, value.length * 2));
      sliceBuffer = value;
    }
    System.arraycopy(page, suffixes.sliceStart, value, prefix, suffix);
    valueLength = length;
    sliceStart = 0;
    sliceLength = length;
  }
}
