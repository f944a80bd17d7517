package io.deltajdbc.engine.dml;

import io.deltajdbc.engine.expressions.Predicate;
import java.util.List;

/**
 * {@code DELETE FROM t [WHERE condition]}.
 *
 * @param pruning an engine predicate implied by the condition (rows failing it never match), used
 *     to prune partitions and skip files by statistics; null when none is known
 * @param condition Spark SQL boolean expression over the table's columns; null deletes every row
 *     (then {@code pruning} must be null too)
 * @param functions the caller's functions the condition calls ({@link DmlFunction#call()})
 */
public record DeleteSpec(Predicate pruning, String condition, List<DmlFunction> functions) {
  public DeleteSpec {
    if (condition == null && pruning != null) {
      throw new IllegalArgumentException(
          "a DELETE without condition deletes every row; it takes no pruning predicate");
    }
    functions = List.copyOf(functions);
  }

  /** A DELETE whose condition is Spark SQL alone. */
  public DeleteSpec(Predicate pruning, String condition) {
    this(pruning, condition, List.of());
  }

  /** Deletes the rows where {@code condition} is true. */
  public static DeleteSpec where(String condition) {
    return new DeleteSpec(null, condition);
  }
}
