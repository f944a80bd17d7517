package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.BinaryVector;

/**
 * A decoder of byte-array values that finds one value's bytes at a time (a slice of some buffer)
 * and converts it as the column's {@link Conversion} says: appended to a string or binary vector,
 * or turned into a decimal's unscaled long or object.
 */
abstract class SliceDecoder implements ValueDecoder {
  private final Conversion conversion;

  /** The buffer holding the current value, set by {@link #nextSlice}. */
  protected byte[] sliceBuffer;

  protected int sliceStart;
  protected int sliceLength;

  SliceDecoder(Conversion conversion) {
    this.conversion = conversion;
  }

  /**
   * Moves to the next value: sets {@link #sliceBuffer}, {@link #sliceStart}, {@link #sliceLength}.
   */
  abstract void nextSlice();

  @Override
  public void readLongs(long[] dst, int off, int n) {
    Conversion.BytesToLong f = conversion.bytesToLong();
    if (f == null) {
      throw new IllegalStateException("byte arrays read as integers");
    }
    for (int i = off, end = off + n; i < end; i++) {
      nextSlice();
      dst[i] = f.apply(sliceBuffer, sliceStart, sliceLength);
    }
  }

  @Override
  public void readDoubles(double[] dst, int off, int n) {
    throw new IllegalStateException("byte arrays read as doubles");
  }

  @Override
  public void readObjects(Object[] dst, int off, int n) {
    Conversion.BytesToObject f = conversion.bytesObjects();
    if (f == null) {
      throw new IllegalStateException("byte arrays read as objects");
    }
    for (int i = off, end = off + n; i < end; i++) {
      nextSlice();
      dst[i] = f.apply(sliceBuffer, sliceStart, sliceLength);
    }
  }

  @Override
  public void appendBytes(BinaryVector v, int n) {
    for (int i = 0; i < n; i++) {
      nextSlice();
      v.append(sliceBuffer, sliceStart, sliceLength);
    }
  }

  @Override
  public void skip(int n) {
    for (int i = 0; i < n; i++) {
      nextSlice();
    }
  }
}
