package io.deltajdbc.engine.internal.checkpoint.columnar;

import java.util.List;

/**
 * Whether a struct of a row group is there (not null): as in record assembly, where one of its read
 * leaves is defined to the struct's level or deeper.
 */
final class StructColumn {
  static final StructColumn ABSENT = new StructColumn(0, List.of());

  private final int level;
  private final LeafValues[] leaves;

  StructColumn(int level, List<LeafValues> leaves) {
    this.level = level;
    this.leaves = leaves.toArray(new LeafValues[0]);
  }

  boolean isPresent(int row) {
    for (LeafValues l : leaves) {
      if (l.def(l.first(row)) >= level) {
        return true;
      }
    }
    return false;
  }
}
