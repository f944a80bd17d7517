package io.deltajdbc.engine.internal.utilities;

import io.deltajdbc.engine.data.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Z-order of rows, as delta-spark clusters them: each column's values become range ids ({@code 0}
 * to {@code ranges - 1}, equal values one id, nulls first), and the rows are sorted by the
 * interleaved bits of their ids, most significant bit first, the columns in the order given. Rows
 * close in every column end up close in the sorted order, so that each output file covers narrow
 * ranges of all the columns and their statistics skip files for filters on any of them.
 */
final class ZOrder {
  private ZOrder() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Row> sort(List<Row> rows, List<Integer> columns, int maxRanges) {
    int n = rows.size();
    if (n < 2 || columns.isEmpty()) {
      return rows;
    }
    int ranges = Math.min(maxRanges, n);
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, ranges - 1));
    int[][] ids = new int[columns.size()][n];
    for (int c = 0; c < columns.size(); c++) {
      int col = columns.get(c);
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Comparator<Object> values = Comparator.nullsFirst((a, b) -> ((Comparable) a).compareTo(b));
      Arrays.sort(order, (a, b) -> values.compare(rows.get(a).get(col), rows.get(b).get(col)));
      int rankOfValue = 0;
      for (int r = 0; r < n; r++) {
        if (r > 0
            && values.compare(rows.get(order[r]).get(col), rows.get(order[r - 1]).get(col)) != 0) {
          rankOfValue = r; // equal values share the rank of the first of them
        }
        ids[c][order[r]] = (int) ((long) rankOfValue * ranges / n);
      }
    }
    byte[][] keys = new byte[n][];
    for (int i = 0; i < n; i++) {
      keys[i] = interleave(ids, i, bits);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(keys[a], keys[b]));
    List<Row> out = new ArrayList<>(n);
    for (Integer i : order) {
      out.add(rows.get(i));
    }
    return out;
  }

  /** The bits of row {@code i}'s ids, interleaved: bit {@code bits - 1} of each column first. */
  private static byte[] interleave(int[][] ids, int i, int bits) {
    int total = bits * ids.length;
    byte[] key = new byte[(total + 7) / 8];
    int k = 0;
    for (int b = bits - 1; b >= 0; b--) {
      for (int[] column : ids) {
        if ((column[i] >>> b & 1) != 0) {
          key[k >>> 3] |= (byte) (0x80 >>> (k & 7));
        }
        k++;
      }
    }
    return key;
  }
}
