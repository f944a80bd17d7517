package io.deltajdbc.engine.internal.parquet.batch;

import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;

/**
 * How a column's stored values become its vector's values: into which kind of vector, and the
 * function from the physical value (INT32/INT64/BOOLEAN as a long, bytes as a slice) when it is not
 * the identity.
 *
 * @param kind the vector the values go to
 * @param longs long to long (kind LONG), or null for the identity
 * @param bytesToLong bytes to long (kind LONG, physical BINARY, FIXED_LEN_BYTE_ARRAY, INT96)
 * @param longObjects long to object (kind OBJECT)
 * @param bytesObjects bytes to object (kind OBJECT)
 */
record Conversion(
    Kind kind,
    LongUnaryOperator longs,
    BytesToLong bytesToLong,
    LongFunction<Object> longObjects,
    BytesToObject bytesObjects) {

  /** The vector a column is read into. */
  enum Kind {
    LONG,
    DOUBLE,
    BYTES,
    OBJECT,
    NULL
  }

  /** A value from {@code len} bytes at {@code buf[off]}. */
  @FunctionalInterface
  interface BytesToLong {
    long apply(byte[] buf, int off, int len);
  }

  /** An object from {@code len} bytes at {@code buf[off]}. */
  @FunctionalInterface
  interface BytesToObject {
    Object apply(byte[] buf, int off, int len);
  }

  /** Applies {@link #longs} (when there is one) to {@code dst[from, to)} in place. */
  void convertLongs(long[] dst, int from, int to) {
    if (longs != null) {
      for (int i = from; i < to; i++) {
        dst[i] = longs.applyAsLong(dst[i]);
      }
    }
  }

  static Conversion ofLongs(LongUnaryOperator f) {
    return new Conversion(Kind.LONG, f, null, null, null);
  }

  static Conversion ofBytesToLong(BytesToLong f) {
    return new Conversion(Kind.LONG, null, f, null, null);
  }

  static Conversion ofObjects(LongFunction<Object> f) {
    return new Conversion(Kind.OBJECT, null, null, f, null);
  }

  static Conversion ofBytesToObject(BytesToObject f) {
    return new Conversion(Kind.OBJECT, null, null, null, f);
  }

  static Conversion of(Kind kind) {
    return new Conversion(kind, null, null, null, null);
  }
}
