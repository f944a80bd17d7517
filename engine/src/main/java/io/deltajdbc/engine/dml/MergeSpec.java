package io.deltajdbc.engine.dml;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.types.StructType;
import java.util.List;

/**
 * {@code MERGE INTO target AS targetAlias USING source AS sourceAlias ON onCondition WHEN ...}. The
 * source is given as rows (values in {@code sourceSchema} order, engine Java types, see {@link
 * Row}). Clauses are tried in order; the first whose kind and condition fit a row applies. {@code
 * functions} are the caller's functions the condition and clauses call ({@link
 * DmlFunction#call()}). {@code targetPruning}, when not null, is an engine predicate over the
 * target's columns that every target row satisfying {@code onCondition} satisfies (the ON clause's
 * conjuncts on target columns alone): target files it rules out by partition values or statistics
 * are neither read nor rewritten, and cannot match a source row, so they do not stop an insert
 * either.
 */
public record MergeSpec(
    StructType sourceSchema,
    List<Row> sourceRows,
    String targetAlias,
    String sourceAlias,
    String onCondition,
    List<MergeClause> clauses,
    List<DmlFunction> functions,
    Predicate targetPruning) {
  public MergeSpec {
    requireNonNull(sourceSchema, "sourceSchema");
    requireNonNull(targetAlias, "targetAlias");
    requireNonNull(sourceAlias, "sourceAlias");
    requireNonNull(onCondition, "onCondition");
    sourceRows = List.copyOf(requireNonNull(sourceRows, "sourceRows"));
    clauses = List.copyOf(requireNonNull(clauses, "clauses"));
    functions = List.copyOf(requireNonNull(functions, "functions"));
    if (clauses.isEmpty()) {
      throw new IllegalArgumentException("a MERGE needs at least one WHEN clause");
    }
    if (targetAlias.equalsIgnoreCase(sourceAlias)) {
      throw new IllegalArgumentException(
          "MERGE target and source need different aliases, both are " + targetAlias);
    }
  }

  /** A MERGE whose condition and clauses are Spark SQL alone. */
  public MergeSpec(
      StructType sourceSchema,
      List<Row> sourceRows,
      String targetAlias,
      String sourceAlias,
      String onCondition,
      List<MergeClause> clauses,
      List<DmlFunction> functions) {
    this(sourceSchema, sourceRows, targetAlias, sourceAlias, onCondition, clauses, functions, null);
  }

  public MergeSpec(
      StructType sourceSchema,
      List<Row> sourceRows,
      String targetAlias,
      String sourceAlias,
      String onCondition,
      List<MergeClause> clauses) {
    this(sourceSchema, sourceRows, targetAlias, sourceAlias, onCondition, clauses, List.of());
  }
}
