package io.deltajdbc.engine.data;

import java.util.Arrays;

/** The null flags of a vector: an array grown on demand, cleared only when a batch had nulls. */
final class Nulls {
  private boolean[] flags = new boolean[0];
  private boolean any;

  void reset(int n) {
    if (flags.length < n) {
      flags = new boolean[Math.max(n, flags.length * 2)];
    } else if (any) {
      Arrays.fill(flags, 0, n, false);
    }
    any = false;
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
