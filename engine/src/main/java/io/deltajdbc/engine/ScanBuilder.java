package io.deltajdbc.engine;

import io.deltajdbc.engine.expressions.Predicate;
import java.util.List;

/** Describes what to read from a snapshot: which columns, and which rows. */
public interface ScanBuilder {

  /** Read only these top-level columns (logical names, case-insensitive), in this order. */
  ScanBuilder withColumns(List<String> columns);

  /**
   * Keep only rows satisfying the predicate. It is used to prune partitions and skip files by their
   * statistics, and evaluated on each remaining row: the scan returns exactly the matching rows.
   */
  ScanBuilder withFilter(Predicate predicate);

  Scan build();
}
