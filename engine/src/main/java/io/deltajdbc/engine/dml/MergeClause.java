package io.deltajdbc.engine.dml;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code WHEN} clause of a MERGE. Conditions and expressions are Spark SQL text that may name
 * {@code targetAlias.col} and {@code sourceAlias.col}; a null condition always holds.
 */
public sealed interface MergeClause {

  /** The clause's extra condition, or null. */
  String condition();

  /** {@code WHEN MATCHED [AND condition] THEN UPDATE SET col = expr, ...}. */
  record MatchedUpdate(String condition, Map<String, String> assignments) implements MergeClause {
    public MatchedUpdate {
      requireNonNull(assignments, "assignments");
      if (assignments.isEmpty()) {
        throw new IllegalArgumentException(
            "WHEN MATCHED THEN UPDATE needs at least one assignment");
      }
      assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
    }
  }

  /** {@code WHEN MATCHED [AND condition] THEN DELETE}. */
  record MatchedDelete(String condition) implements MergeClause {}

  /**
   * {@code WHEN NOT MATCHED [AND condition] THEN INSERT (cols) VALUES (exprs)}: target column to an
   * expression over the source row; target columns not named get NULL.
   */
  record NotMatchedInsert(String condition, Map<String, String> values) implements MergeClause {
    public NotMatchedInsert {
      requireNonNull(values, "values");
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }
}
