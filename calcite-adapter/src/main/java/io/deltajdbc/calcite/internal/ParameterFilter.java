package io.deltajdbc.calcite.internal;

import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * The conjuncts of a filter that compare a column with a statement parameter ({@code WHERE id =
 * ?}). At planning they have no value, so they stay Calcite's filter; at each execution they are
 * translated with the parameters' values, so that the scan prunes partitions and skips files by
 * statistics for a prepared statement as it does for a literal. Calcite still evaluates them on the
 * rows the scan returns: the translation can only narrow what is read, never change the answer.
 *
 * @param names the columns of the row the conjuncts refer to
 * @param types their engine types
 * @param rexBuilder the planner's builder (for SEARCH expansion)
 * @param conjuncts the conjuncts with a parameter
 */
public record ParameterFilter(
    List<String> names, List<DataType> types, RexBuilder rexBuilder, List<RexNode> conjuncts) {
  public ParameterFilter {
    names = List.copyOf(names);
    types = List.copyOf(types);
    conjuncts = List.copyOf(conjuncts);
  }

  /** The conjuncts of {@code remaining} with a parameter, or null when none has one. */
  public static ParameterFilter of(
      List<String> names, List<DataType> types, RexBuilder rexBuilder, List<RexNode> remaining) {
    List<RexNode> withParameters =
        remaining.stream().filter(PredicateTranslator::hasParameter).toList();
    return withParameters.isEmpty()
        ? null
        : new ParameterFilter(names, types, rexBuilder, withParameters);
  }

  /**
   * The engine predicate of the conjuncts that translate with this execution's parameter values
   * ({@code ?0}, {@code ?1}, ... in {@code root}), or null when none does.
   */
  public Predicate bind(DataContext root) {
    PredicateTranslator t =
        new PredicateTranslator(names, types, rexBuilder, i -> root.get("?" + i));
    List<Predicate> bound = new ArrayList<>();
    for (RexNode c : conjuncts) {
      Predicate p = t.translate(c);
      if (p != null) {
        bound.add(p);
      }
    }
    return bound.isEmpty() ? null : Predicates.and(bound);
  }
}
