package io.deltajdbc.engine.data;

import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A column of strings (UTF-8) or binary values: the bytes of all rows one after the other, and each
 * row's start offset. Rows are appended in order ({@link #append}, {@link #appendNull}).
 */
public final class BinaryVector implements ColumnVector {
  private final DataType type;
  private final Nulls nulls = new Nulls();
  private byte[] bytes = new byte[1024];
  private int[] offsets;
  private int rows;

  public BinaryVector(DataType type, int capacity) {
    this.type = type;
    this.offsets = new int[capacity + 1];
    nulls.reset(capacity);
  }

  @Override
  public DataType type() {
    return type;
  }

  /** Empties the vector for a batch of up to {@code n} rows, to be appended. */
  @Override
  public void reset(int n) {
    if (offsets.length < n + 1) {
      offsets = new int[Math.max(n + 1, offsets.length * 2)];
    }
    nulls.reset(n);
    rows = 0;
    offsets[0] = 0;
  }

  /** Appends the next row's value. */
  public void append(byte[] src, int offset, int length) {
    int end = offsets[rows];
    if (end + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(end + length, bytes.length * 2));
    }
    System.arraycopy(src, offset, bytes, end, length);
    offsets[++rows] = end + length;
  }

  /** Appends a NULL row. */
  public void appendNull() {
    offsets[rows + 1] = offsets[rows];
    nulls.set(rows++);
  }

  /** Marks row {@code i}, already appended, NULL. */
  @Override
  public void setNull(int i) {
    nulls.set(i);
  }

  /** The rows appended so far. */
  public int rows() {
    return rows;
  }

  /** The bytes of all rows; row {@code i} is {@code [offset(i), offset(i + 1))}. */
  public byte[] bytes() {
    return bytes;
  }

  public int offset(int i) {
    return offsets[i];
  }

  public int length(int i) {
    return offsets[i + 1] - offsets[i];
  }

  @Override
  public boolean isNull(int i) {
    return nulls.get(i);
  }

  @Override
  public boolean mayHaveNulls() {
    return nulls.any();
  }

  /** Row {@code i} decoded as UTF-8 (null when NULL). */
  public String string(int i) {
    return nulls.get(i) ? null : new String(bytes, offsets[i], length(i), StandardCharsets.UTF_8);
  }

  @Override
  public Object get(int i) {
    if (nulls.get(i)) {
      return null;
    }
    return type == PrimitiveType.STRING
        ? string(i)
        : Arrays.copyOfRange(bytes, offsets[i], offsets[i + 1]);
  }
}
