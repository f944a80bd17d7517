package io.deltajdbc.engine.data;

import java.util.Arrays;

/**
 * One row of values, in the order of the schema it was read with. Immutable.
 *
 * <p>Java representation of each Delta type: string {@link String}; long {@link Long}; integer
 * {@link Integer}; short {@link Short}; byte {@link Byte}; float {@link Float}; double {@link
 * Double}; boolean {@link Boolean}; binary {@code byte[]}; decimal {@link java.math.BigDecimal}
 * with the column's scale; date {@link java.time.LocalDate}; timestamp {@link java.time.Instant};
 * timestamp_ntz {@link java.time.LocalDateTime}; array {@link java.util.List}; map {@link
 * java.util.Map} (insertion-ordered); struct {@link Row}; variant {@link
 * io.deltajdbc.engine.data.VariantValue}. SQL NULL is {@code null}.
 */
public final class Row {
  private final Object[] values;

  private Row(Object[] values) {
    this.values = values;
  }

  /** A row over a copy of the given values. */
  public static Row of(Object... values) {
    return new Row(values.clone());
  }

  /** A row that takes ownership of the array: the caller must not change it afterwards. */
  public static Row wrap(Object[] values) {
    return new Row(values);
  }

  public int size() {
    return values.length;
  }

  public Object get(int i) {
    return values[i];
  }

  public boolean isNull(int i) {
    return values[i] == null;
  }

  /** A fresh copy of the values. */
  public Object[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row r && Arrays.deepEquals(values, r.values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.deepToString(values);
  }
}
