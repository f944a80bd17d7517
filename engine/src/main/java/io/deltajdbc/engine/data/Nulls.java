package io.deltajdbc.engine.data;

import java.util.Arrays;

/**
 * The null flags of a vector: an array grown on demand, cleared only when a batch had nulls. Flags
 * at or past the current batch's size are always clear, so a larger batch after a smaller one never
 * sees a flag of an earlier, larger batch.
 */
final class Nulls {
  private boolean[] flags = new boolean[0];
  private boolean any;
  private int size;

  void reset(int n) {
    if (any) {
      Arrays.fill(flags, 0, Math.min(size, flags.length), false);
    }
    if (flags.length < n) {
      flags = new boolean[Math.max(n, flags.length * 2)];
    }
    any = false;
    size = n;
  }

  void set(int i) {
    flags[i] = true;
    any = true;
  }

  boolean get(int i) {
    return any && flags[i];
  }

  boolean any() {
    return any;
  }

  /** The flags array (true: NULL), valid for the batch's rows when {@link #any()}. */
  boolean[] array() {
    return flags;
  }
}
