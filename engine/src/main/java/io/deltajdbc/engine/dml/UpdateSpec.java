package io.deltajdbc.engine.dml;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.expressions.Predicate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code UPDATE t SET col = expr, ... [WHERE condition]}.
 *
 * @param pruning an engine predicate implied by the condition, for partition pruning and file
 *     skipping; null when none is known
 * @param condition Spark SQL boolean expression over the table's columns; null updates every row
 * @param assignments logical column name to Spark SQL expression over the row's old values, in
 *     statement order
 * @param functions the caller's functions the condition and assignments call ({@link
 *     DmlFunction#call()})
 */
public record UpdateSpec(
    Predicate pruning,
    String condition,
    Map<String, String> assignments,
    List<DmlFunction> functions) {
  public UpdateSpec {
    requireNonNull(assignments, "assignments");
    if (assignments.isEmpty()) {
      throw new IllegalArgumentException("an UPDATE needs at least one assignment");
    }
    if (condition == null && pruning != null) {
      throw new IllegalArgumentException(
          "an UPDATE without condition updates every row; it takes no pruning predicate");
    }
    assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
    functions = List.copyOf(functions);
  }

  /** An UPDATE whose condition and assignments are Spark SQL alone. */
  public UpdateSpec(Predicate pruning, String condition, Map<String, String> assignments) {
    this(pruning, condition, assignments, List.of());
  }
}
