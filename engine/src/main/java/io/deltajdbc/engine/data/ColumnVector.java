package io.deltajdbc.engine.data;

import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;

/**
 * The values of one column for the rows of a {@link ColumnBatch}, in a primitive array where the
 * type allows: {@link LongVector} for integral types, booleans (0/1), dates (days since the epoch),
 * timestamps (microseconds since the epoch, UTC for {@code timestamp}, local for {@code
 * timestamp_ntz}) and decimals of precision up to 18 (the unscaled value); {@link DoubleVector} for
 * float and double; {@link BinaryVector} for string and binary; {@link ObjectVector} for the rest
 * (wider decimals as {@link java.math.BigDecimal}, nested values and variants as {@link Row}
 * represents them).
 *
 * <p>A vector is a reused buffer: its contents are valid until the reader that filled it reads the
 * next batch.
 */
public sealed interface ColumnVector permits LongVector, DoubleVector, BinaryVector, ObjectVector {

  /** The Delta type of the column. */
  DataType type();

  /** True when row {@code i} of the batch is NULL. */
  boolean isNull(int i);

  /** True when some row of the batch may be NULL (false: no row is). */
  boolean mayHaveNulls();

  /** Row {@code i}'s value in {@link Row}'s Java representation, or null. */
  Object get(int i);

  /** Makes the vector hold {@code n} rows, all non-null, growing its arrays when needed. */
  void reset(int n);

  /** Marks row {@code i} NULL. */
  void setNull(int i);

  /** A vector of {@code capacity} rows for a column of {@code type}. */
  static ColumnVector forType(DataType type, int capacity) {
    if (type instanceof DecimalType d) {
      return d.precision() <= LongVector.MAX_LONG_DECIMAL_PRECISION
          ? new LongVector(type, capacity)
          : new ObjectVector(type, capacity);
    }
    if (type instanceof PrimitiveType p) {
      return switch (p) {
        case LONG, INTEGER, SHORT, BYTE, BOOLEAN, DATE, TIMESTAMP, TIMESTAMP_NTZ ->
            new LongVector(type, capacity);
        case FLOAT, DOUBLE -> new DoubleVector(type, capacity);
        case STRING, BINARY -> new BinaryVector(type, capacity);
        case VARIANT, VOID -> new ObjectVector(type, capacity);
      };
    }
    return new ObjectVector(type, capacity);
  }
}
