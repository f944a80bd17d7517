package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.BinaryVector;

/** RLE-encoded booleans (data pages v2): the hybrid decoder at bit width 1. */
final class RleBooleanDecoder implements ValueDecoder {
  private final RleBitPackedDecoder bits;
  private int[] buffer = new int[0];

  RleBooleanDecoder(RleBitPackedDecoder bits) {
    this.bits = bits;
  }

  @Override
  public void readLongs(long[] dst, int off, int n) {
    if (buffer.length < n) {
      buffer = new int[n];
    }
    bits.readInts(buffer, 0, n);
    for (int i = 0; i < n; i++) {
      dst[off + i] = buffer[i];
    }
  }

  @Override
  public void skip(int n) {
    if (buffer.length < n) {
      buffer = new int[n];
    }
    bits.readInts(buffer, 0, n);
  }

  @Override
  public void readDoubles(double[] dst, int off, int n) {
    throw new IllegalStateException("booleans read as double");
  }

  @Override
  public void readObjects(Object[] dst, int off, int n) {
    throw new IllegalStateException("booleans read as objects");
  }

  @Override
  public void appendBytes(BinaryVector v, int n) {
    throw new IllegalStateException("booleans read as bytes");
  }
}
