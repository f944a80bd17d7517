package io.deltajdbc.engine.data;

import io.deltajdbc.engine.types.DataType;
import java.util.Arrays;

/**
 * A column of values in {@link Row}'s Java representation: decimals wider than 18 digits, nested
 * values, variants.
 */
public final class ObjectVector implements ColumnVector {
  private final DataType type;
  private Object[] values;
  private boolean anyNull;

  public ObjectVector(DataType type, int capacity) {
    this.type = type;
    this.values = new Object[capacity];
  }

  @Override
  public DataType type() {
    return type;
  }

  public Object[] values() {
    return values;
  }

  public void set(int i, Object value) {
    values[i] = value;
    anyNull |= value == null;
  }

  @Override
  public void reset(int n) {
    if (values.length < n) {
      values = new Object[Math.max(n, values.length * 2)];
    } else {
      Arrays.fill(values, 0, n, null);
    }
    anyNull = false;
  }

  @Override
  public void setNull(int i) {
    values[i] = null;
    anyNull = true;
  }

  @Override
  public boolean isNull(int i) {
    return values[i] == null;
  }

  @Override
  public boolean mayHaveNulls() {
    return anyNull;
  }

  @Override
  public Object get(int i) {
    return values[i];
  }
}
