package io.deltajdbc.tools.bench.load;

import java.util.Arrays;

/** A growable array of longs: one client's latencies of one kind, without boxing. */
final class LongList {
  private long[] values = new long[1024];
  private int size;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  /** Appends these values to {@code into} from {@code at}; returns the next position. */
  int copyTo(long[] into, int at) {
    System.arraycopy(values, 0, into, at, size);
    return at + size;
  }
}
