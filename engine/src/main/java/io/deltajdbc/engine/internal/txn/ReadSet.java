package io.deltajdbc.engine.internal.txn;

import io.deltajdbc.engine.expressions.Predicate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a transaction read: predicates, files (by canonical path), the whole table, application ids.
 */
final class ReadSet {
  final List<Predicate> predicates = new ArrayList<>();
  final Set<String> files = new HashSet<>();
  final Set<String> appIds = new HashSet<>();
  boolean wholeTable;

  /** True when the transaction's outcome depends on data it read (it is not a blind append). */
  boolean dependsOnData() {
    return wholeTable || !predicates.isEmpty() || !files.isEmpty();
  }
}
