package io.deltajdbc.calcite.exec;

import io.deltajdbc.engine.data.BinaryVector;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct GROUP BY keys seen by an aggregation, numbered 0, 1, ... in the order first seen:
 * keys are stored column by column (longs, doubles by their bits, strings' bytes in one arena) and
 * found through an open-addressing hash table.
 */
final class GroupTable {
  private final Vec.Kind[] kinds;
  private final long[][] longs;
  private final boolean[][] nulls;
  private final byte[][] arena;
  private final int[][] starts;
  private final int[][] lengths;
  private final int[] arenaUsed;
  private int[] slots = new int[64];
  private int[] hashes = new int[16];
  private int groups;

  GroupTable(List<Vec.Kind> kinds) {
    int k = kinds.size();
    this.kinds = kinds.toArray(new Vec.Kind[0]);
    this.longs = new long[k][16];
    this.nulls = new boolean[k][16];
    this.arena = new byte[k][];
    this.starts = new int[k][];
    this.lengths = new int[k][];
    this.arenaUsed = new int[k];
    for (int c = 0; c < k; c++) {
      if (this.kinds[c] == Vec.Kind.BYTES) {
        arena[c] = new byte[256];
        starts[c] = new int[16];
        lengths[c] = new int[16];
      }
    }
  }

  int size() {
    return groups;
  }

  /**
   * Writes the group of each position {@code sel[0 .. n)} to {@code out[position]}, adding new
   * groups.
   */
  void groupIds(Vec[] keys, int[] sel, int n, int[] out) {
    if (kinds.length == 0) {
      if (groups == 0) {
        groups = 1;
      }
      for (int j = 0; j < n; j++) {
        out[sel[j]] = 0;
      }
      return;
    }
    for (int j = 0; j < n; j++) {
      int i = sel[j];
      out[i] = find(keys, i);
    }
  }

  private int find(Vec[] keys, int row) {
    int h = hash(keys, row);
    int mask = slots.length - 1;
    int s = h & mask;
    while (true) {
      int g = slots[s] - 1;
      if (g < 0) {
        return add(keys, row, h, s);
      }
      if (hashes[g] == h && equal(keys, row, g)) {
        return g;
      }
      s = (s + 1) & mask;
    }
  }

  private int hash(Vec[] keys, int row) {
    int h = 1;
    for (int c = 0; c < kinds.length; c++) {
      Vec v = keys[c];
      int x;
      if (v.isNull(row)) {
        x = 0x5bd1e995;
      } else {
        x =
            switch (kinds[c]) {
              case LONG -> Long.hashCode(v.longs[row] * 0x9E3779B97F4A7C15L);
              case DOUBLE ->
                  Long.hashCode(Double.doubleToLongBits(v.doubles[row]) * 0x9E3779B97F4A7C15L);
              case BYTES -> bytesHash(v.bytes, row);
            };
      }
      h = h * 31 + x;
    }
    return h ^ (h >>> 16);
  }

  private static int bytesHash(BinaryVector b, int row) {
    byte[] data = b.bytes();
    int h = 0;
    for (int i = b.offset(row), end = i + b.length(row); i < end; i++) {
      h = h * 31 + data[i];
    }
    return h;
  }

  private boolean equal(Vec[] keys, int row, int g) {
    for (int c = 0; c < kinds.length; c++) {
      Vec v = keys[c];
      boolean isNull = v.isNull(row);
      if (isNull != nulls[c][g]) {
        return false;
      }
      if (isNull) {
        continue;
      }
      boolean same =
          switch (kinds[c]) {
            case LONG -> v.longs[row] == longs[c][g];
            case DOUBLE -> Double.doubleToLongBits(v.doubles[row]) == longs[c][g];
            case BYTES ->
                Arrays.equals(
                    v.bytes.bytes(),
                    v.bytes.offset(row),
                    v.bytes.offset(row) + v.bytes.length(row),
                    arena[c],
                    starts[c][g],
                    starts[c][g] + lengths[c][g]);
          };
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private int add(Vec[] keys, int row, int h, int slot) {
    int g = groups++;
    if (g == hashes.length) {
      int cap = g * 2;
      hashes = Arrays.copyOf(hashes, cap);
      for (int c = 0; c < kinds.length; c++) {
        longs[c] = Arrays.copyOf(longs[c], cap);
        nulls[c] = Arrays.copyOf(nulls[c], cap);
        if (kinds[c] == Vec.Kind.BYTES) {
          starts[c] = Arrays.copyOf(starts[c], cap);
          lengths[c] = Arrays.copyOf(lengths[c], cap);
        }
      }
    }
    hashes[g] = h;
    for (int c = 0; c < kinds.length; c++) {
      Vec v = keys[c];
      if (v.isNull(row)) {
        nulls[c][g] = true;
        continue;
      }
      switch (kinds[c]) {
        case LONG -> longs[c][g] = v.longs[row];
        case DOUBLE -> longs[c][g] = Double.doubleToLongBits(v.doubles[row]);
        case BYTES -> {
          int len = v.bytes.length(row);
          if (arenaUsed[c] + len > arena[c].length) {
            arena[c] = Arrays.copyOf(arena[c], Math.max(arena[c].length * 2, arenaUsed[c] + len));
          }
          System.arraycopy(v.bytes.bytes(), v.bytes.offset(row), arena[c], arenaUsed[c], len);
          starts[c][g] = arenaUsed[c];
          lengths[c][g] = len;
          arenaUsed[c] += len;
        }
      }
    }
    slots[slot] = g + 1;
    if (groups * 2 > slots.length) {
      rehash();
    }
    return g;
  }

  private void rehash() {
    int[] bigger = new int[slots.length * 2];
    int mask = bigger.length - 1;
    for (int g = 0; g < groups; g++) {
      int s = hashes[g] & mask;
      while (bigger[s] != 0) {
        s = (s + 1) & mask;
      }
      bigger[s] = g + 1;
    }
    slots = bigger;
  }

  /** Group {@code g}'s key as one-row vectors, to look it up in another table. */
  Vec[] keyOf(int g) {
    Vec[] out = new Vec[kinds.length];
    for (int c = 0; c < kinds.length; c++) {
      Vec v = new Vec(kinds[c], 0);
      if (nulls[c][g]) {
        v.nulls = new boolean[] {true};
        v.longs = new long[1];
        v.doubles = new double[1];
        if (kinds[c] == Vec.Kind.BYTES) {
          v.bytes = new BinaryVector(io.deltajdbc.engine.types.PrimitiveType.BINARY, 1);
          v.bytes.reset(1);
          v.bytes.appendNull();
        }
      } else {
        switch (kinds[c]) {
          case LONG -> v.longs = new long[] {longs[c][g]};
          case DOUBLE -> v.doubles = new double[] {Double.longBitsToDouble(longs[c][g])};
          case BYTES -> {
            v.bytes = new BinaryVector(io.deltajdbc.engine.types.PrimitiveType.BINARY, 1);
            v.bytes.reset(1);
            v.bytes.append(arena[c], starts[c][g], lengths[c][g]);
          }
        }
      }
      out[c] = v;
    }
    return out;
  }

  /**
   * The key column {@code c} of group {@code g}: a Long (raw long or double bits), byte[], or null.
   */
  Object key(int c, int g) {
    if (nulls[c][g]) {
      return null;
    }
    return switch (kinds[c]) {
      case LONG -> longs[c][g];
      case DOUBLE -> Double.longBitsToDouble(longs[c][g]);
      case BYTES -> Arrays.copyOfRange(arena[c], starts[c][g], starts[c][g] + lengths[c][g]);
    };
  }

  /** The group of a key given as one-row vectors, added when new. */
  int groupOf(Vec[] key) {
    if (kinds.length == 0) {
      if (groups == 0) {
        groups = 1;
      }
      return 0;
    }
    return find(key, 0);
  }
}
