package io.deltajdbc.engine.internal.parquet.batch;

import java.util.Arrays;
import java.util.PrimitiveIterator;

/**
 * The rows of a row group to read, as ascending runs of consecutive rows (indexes within the row
 * group), with a cursor: the whole group, or the runs a filter's column index keeps.
 */
final class RowSpans {
  private final long[] starts;
  private final long[] ends;
  private final int count;
  private final long rows;
  private int current;
  private long row;

  private RowSpans(long[] starts, long[] ends, int count) {
    this.starts = starts;
    this.ends = ends;
    this.count = count;
    long total = 0;
    for (int i = 0; i < count; i++) {
      total += ends[i] - starts[i];
    }
    this.rows = total;
    this.row = count == 0 ? 0 : starts[0];
  }

  /** Rows {@code [0, rows)}. */
  static RowSpans all(long rows) {
    return new RowSpans(new long[] {0}, new long[] {rows}, rows == 0 ? 0 : 1);
  }

  /** The runs of the ascending row indexes {@code rows}. */
  static RowSpans of(PrimitiveIterator.OfLong rows) {
    long[] starts = new long[8];
    long[] ends = new long[8];
    int n = 0;
    while (rows.hasNext()) {
      long r = rows.nextLong();
      if (n > 0 && ends[n - 1] == r) {
        ends[n - 1] = r + 1;
      } else {
        if (n > 0 && r < ends[n - 1]) {
          throw new IllegalStateException(
              "row indexes out of order: " + r + " after " + (ends[n - 1] - 1));
        }
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
          ends = Arrays.copyOf(ends, n * 2);
        }
        starts[n] = r;
        ends[n] = r + 1;
        n++;
      }
    }
    return new RowSpans(starts, ends, n);
  }

  /** The number of rows of all runs. */
  long rows() {
    return rows;
  }

  /** The next row to read. */
  long row() {
    return row;
  }

  /** The rows left in the current run, from {@link #row()}. */
  long left() {
    return current < count ? ends[current] - row : 0;
  }

  /** Moves past {@code k} rows of the current run (at most {@link #left()}). */
  void advance(long k) {
    row += k;
    if (current < count && row == ends[current]) {
      current++;
      if (current < count) {
        row = starts[current];
      }
    }
  }
}
