package io.deltajdbc.calcite.exec;

import io.deltajdbc.engine.data.BinaryVector;
import java.math.BigDecimal;

/**
 * The values of an expression for the rows of a batch, indexed by row position (only the positions
 * the expression was evaluated at are defined). {@code LONG} holds integers, dates, timestamps
 * (microseconds), booleans (0/1) and decimals (unscaled at {@link #scale}, with {@link #bigs}
 * holding the rows whose value does not fit a long); {@code DOUBLE} floats and doubles; {@code
 * BYTES} strings and binary, as the column's own vector.
 */
final class Vec {
  enum Kind {
    LONG,
    DOUBLE,
    BYTES
  }

  final Kind kind;
  final int scale;
  long[] longs;
  double[] doubles;
  BigDecimal[] bigs;
  boolean[] nulls;
  BinaryVector bytes;

  Vec(Kind kind, int scale) {
    this.kind = kind;
    this.scale = scale;
  }

  boolean isNull(int i) {
    return nulls != null && nulls[i];
  }

  /** Row {@code i}'s decimal value when it did not fit a long, else null. */
  BigDecimal big(int i) {
    return bigs == null ? null : bigs[i];
  }

  /** Row {@code i} as an exact decimal (LONG kind). */
  BigDecimal decimal(int i) {
    BigDecimal b = big(i);
    return b != null ? b : BigDecimal.valueOf(longs[i], scale);
  }

  /** Row {@code i} as a double (LONG or DOUBLE kind). */
  double asDouble(int i) {
    if (kind == Kind.DOUBLE) {
      return doubles[i];
    }
    BigDecimal b = big(i);
    return b != null
        ? b.doubleValue()
        : scale == 0 ? (double) longs[i] : BigDecimal.valueOf(longs[i], scale).doubleValue();
  }

  /** A result vector of {@code size} rows with fresh arrays for its kind. */
  static Vec allocate(Kind kind, int scale, int size, Vec reuse) {
    Vec v =
        reuse != null && reuse.kind == kind && reuse.scale == scale ? reuse : new Vec(kind, scale);
    if (kind == Kind.LONG && (v.longs == null || v.longs.length < size)) {
      v.longs = new long[size];
    }
    if (kind == Kind.DOUBLE && (v.doubles == null || v.doubles.length < size)) {
      v.doubles = new double[size];
    }
    v.bigs = null;
    v.nulls = null;
    return v;
  }

  void setNull(int i, int size) {
    if (nulls == null) {
      nulls = new boolean[size];
    }
    nulls[i] = true;
  }

  void setBig(int i, BigDecimal value, int size) {
    if (bigs == null) {
      bigs = new BigDecimal[size];
    }
    bigs[i] = value;
  }
}
