package io.deltajdbc.calcite.exec;

import io.deltajdbc.engine.data.BinaryVector;
import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.ColumnVector;
import io.deltajdbc.engine.data.DoubleVector;
import io.deltajdbc.engine.data.LongVector;
import java.math.BigDecimal;

/**
 * A compiled scalar expression: evaluated at the positions {@code sel[0 .. n)} of a batch. One
 * instance serves one thread (results are buffers reused from batch to batch).
 */
abstract class Scalar {
  final Vec.Kind kind;
  final int scale;

  Scalar(Vec.Kind kind, int scale) {
    this.kind = kind;
    this.scale = scale;
  }

  abstract Vec eval(ColumnBatch batch, int[] sel, int n);

  /** A fresh copy for another thread. */
  abstract Scalar copy();

  /** A column of the batch, as it is. */
  static final class ColumnRef extends Scalar {
    final int index;

    ColumnRef(int index, Vec.Kind kind, int scale) {
      super(kind, scale);
      this.index = index;
    }

    @Override
    Vec eval(ColumnBatch batch, int[] sel, int n) {
      ColumnVector c = batch.column(index);
      Vec v = new Vec(kind, scale);
      if (c instanceof LongVector l) {
        v.longs = l.values();
        v.nulls = l.nullsOrNull();
      } else if (c instanceof DoubleVector d) {
        v.doubles = d.values();
        v.nulls = d.nullsOrNull();
      } else {
        BinaryVector b = (BinaryVector) c;
        v.bytes = b;
        if (b.mayHaveNulls()) {
          boolean[] nulls = new boolean[batch.size()];
          for (int k = 0; k < n; k++) {
            nulls[sel[k]] = b.isNull(sel[k]);
          }
          v.nulls = nulls;
        }
      }
      return v;
    }

    @Override
    Scalar copy() {
      return this;
    }
  }

  /** A constant: a long (unscaled for decimals), a double, or bytes; or NULL. */
  static final class Constant extends Scalar {
    final long longValue;
    final double doubleValue;
    final byte[] bytes;
    final BigDecimal big;
    final boolean isNull;

    Constant(
        Vec.Kind kind,
        int scale,
        long longValue,
        double doubleValue,
        byte[] bytes,
        BigDecimal big,
        boolean isNull) {
      super(kind, scale);
      this.longValue = longValue;
      this.doubleValue = doubleValue;
      this.bytes = bytes;
      this.big = big;
      this.isNull = isNull;
    }

    @Override
    Vec eval(ColumnBatch batch, int[] sel, int n) {
      int size = batch.size();
      Vec v = Vec.allocate(kind == Vec.Kind.BYTES ? Vec.Kind.LONG : kind, scale, size, null);
      for (int k = 0; k < n; k++) {
        int i = sel[k];
        if (isNull) {
          v.setNull(i, size);
        } else if (kind == Vec.Kind.DOUBLE) {
          v.doubles[i] = doubleValue;
        } else {
          v.longs[i] = longValue;
          if (big != null) {
            v.setBig(i, big, size);
          }
        }
      }
      return v;
    }

    @Override
    Scalar copy() {
      return this;
    }
  }
}
