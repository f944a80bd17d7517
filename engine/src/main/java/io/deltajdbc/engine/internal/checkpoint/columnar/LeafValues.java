package io.deltajdbc.engine.internal.checkpoint.columnar;

/**
 * One leaf column of a row group, decoded: for each entry its definition level, its repetition
 * level (repeated leaves only) and its value (a string, or a number or boolean as {@code long}),
 * set only where the entry is defined to the leaf's maximum level. A non-repeated leaf has one
 * entry per row; a repeated one starts a row's entries where the repetition level is 0.
 */
final class LeafValues {
  /** A column the file does not have: every row reads as undefined. */
  static final LeafValues ABSENT =
      new LeafValues(new int[0], null, Integer.MAX_VALUE, null, null, 0);

  private final int[] defs;
  private final int maxDef;
  private final String[] strings;
  private final long[] longs;
  private final int[] rowStarts;

  LeafValues(int[] defs, int[] reps, int maxDef, String[] strings, long[] longs, int rows) {
    this.defs = defs;
    this.maxDef = maxDef;
    this.strings = strings;
    this.longs = longs;
    this.rowStarts = reps == null ? null : rowStarts(reps, defs.length, rows);
  }

  private static int[] rowStarts(int[] reps, int entries, int rows) {
    int[] starts = new int[rows + 1];
    int r = 0;
    for (int i = 0; i < entries; i++) {
      if (reps[i] == 0) {
        if (r == rows) {
          throw new org.apache.parquet.io.ParquetDecodingException(
              "a repeated column has more rows than its row group");
        }
        starts[r++] = i;
      }
    }
    if (r != rows || (entries > 0 && reps[0] != 0)) {
      throw new org.apache.parquet.io.ParquetDecodingException(
          "a repeated column has " + r + " rows where its row group has " + rows);
    }
    starts[rows] = entries;
    return starts;
  }

  boolean isAbsent() {
    return this == ABSENT;
  }

  /** The first entry of {@code row}. */
  int first(int row) {
    return rowStarts == null ? row : rowStarts[row];
  }

  /** One past the last entry of {@code row}. */
  int end(int row) {
    return rowStarts == null ? row + 1 : rowStarts[row + 1];
  }

  /** The definition level of entry {@code i} (-1 for an absent column). */
  int def(int i) {
    return this == ABSENT ? -1 : defs[i];
  }

  /** True when entry {@code i} holds a value. */
  boolean isSet(int i) {
    return this != ABSENT && defs[i] == maxDef;
  }

  /** The string of a non-repeated leaf's {@code row}, or null. */
  String string(int row) {
    return isSet(row) ? strings[row] : null;
  }

  /** The string of entry {@code i} of a repeated leaf, or null. */
  String stringAt(int i) {
    return isSet(i) ? strings[i] : null;
  }

  long longOr(int row, long dflt) {
    return isSet(row) ? longs[row] : dflt;
  }

  Long boxedLong(int row) {
    return isSet(row) ? Long.valueOf(longs[row]) : null;
  }

  Integer boxedInt(int row) {
    return isSet(row) ? Integer.valueOf((int) longs[row]) : null;
  }

  boolean isTrue(int row) {
    return isSet(row) && longs[row] != 0;
  }

  Boolean boxedBoolean(int row) {
    return isSet(row) ? Boolean.valueOf(longs[row] != 0) : null;
  }
}
