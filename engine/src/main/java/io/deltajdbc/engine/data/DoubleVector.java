package io.deltajdbc.engine.data;

import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.PrimitiveType;

/** A column of float or double values (floats widened exactly to double). */
public final class DoubleVector implements ColumnVector {
  private final DataType type;
  private final Nulls nulls = new Nulls();
  private double[] values;

  public DoubleVector(DataType type, int capacity) {
    this.type = type;
    this.values = new double[capacity];
    nulls.reset(capacity);
  }

  @Override
  public DataType type() {
    return type;
  }

  /** The values; entries of NULL rows are undefined. */
  public double[] values() {
    return values;
  }

  /** The null flags (true: NULL), or null when no row of the batch is NULL. */
  public boolean[] nullsOrNull() {
    return nulls.any() ? nulls.array() : null;
  }

  @Override
  public void reset(int n) {
    if (values.length < n) {
      values = new double[Math.max(n, values.length * 2)];
    }
    nulls.reset(n);
  }

  @Override
  public void setNull(int i) {
    nulls.set(i);
  }

  @Override
  public boolean isNull(int i) {
    return nulls.get(i);
  }

  @Override
  public boolean mayHaveNulls() {
    return nulls.any();
  }

  @Override
  public Object get(int i) {
    if (nulls.get(i)) {
      return null;
    }
    return type == PrimitiveType.FLOAT ? (Object) (float) values[i] : (Object) values[i];
  }
}
