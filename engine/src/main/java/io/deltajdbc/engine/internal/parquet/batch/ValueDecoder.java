package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.BinaryVector;

/**
 * Decodes the non-null values of one data page, in order, already converted (see {@link
 * Conversion}); each method serves one {@link Conversion.Kind}.
 */
interface ValueDecoder {
  /** The next {@code n} values into {@code dst[off ..)} (kind LONG). */
  void readLongs(long[] dst, int off, int n);

  /** The next {@code n} values into {@code dst[off ..)} (kind DOUBLE). */
  void readDoubles(double[] dst, int off, int n);

  /** The next {@code n} values into {@code dst[off ..)} (kind OBJECT). */
  void readObjects(Object[] dst, int off, int n);

  /** Appends the next {@code n} values to {@code v} (kind BYTES). */
  void appendBytes(BinaryVector v, int n);

  /** Passes over the next {@code n} values (rows outside the row ranges a filter keeps). */
  void skip(int n);
}
