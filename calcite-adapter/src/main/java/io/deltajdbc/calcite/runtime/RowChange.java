package io.deltajdbc.calcite.runtime;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.validate.SqlConformance;

/**
 * An UPDATE or DELETE as the planner left it: the validated condition and new values, over the rows
 * of the target table, planned once when the statement is prepared. {@link RowChanges} runs it at
 * each execution, with the statement's parameters and the values of its sub-queries.
 *
 * @param kind UPDATE or DELETE
 * @param table the target, at its latest version
 * @param qualified {@code schema.table}, for messages
 * @param schema the target's columns when the statement was planned
 * @param rowType the row {@code values} and {@code condition} read: the target's columns
 * @param columns the columns an UPDATE sets, in the order of {@code values}
 * @param values the new values of {@code columns}; empty for DELETE
 * @param condition the WHERE condition, or null for every row
 * @param subqueries the uncorrelated sub-queries the expressions contain, in the order of the
 *     planned node's inputs
 */
public record RowChange(
    Kind kind,
    DeltaCalciteTable table,
    String qualified,
    StructType schema,
    RelDataType rowType,
    List<String> columns,
    List<RexNode> values,
    RexNode condition,
    List<RexSubQuery> subqueries,
    RexBuilder rexBuilder,
    JavaTypeFactory typeFactory,
    SqlConformance conformance) {

  /** The statement a row change is. */
  public enum Kind {
    UPDATE,
    DELETE
  }

  public RowChange {
    requireNonNull(kind, "kind");
    requireNonNull(table, "table");
    columns = List.copyOf(columns);
    values = List.copyOf(values);
    subqueries = List.copyOf(subqueries);
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException(
          columns.size() + " columns for " + values.size() + " values");
    }
  }

  /** The expressions in the order {@link RowChanges} plans them: the values, then the condition. */
  public List<RexNode> expressions() {
    List<RexNode> all = new ArrayList<>(values);
    if (condition != null) {
      all.add(condition);
    }
    return all;
  }

  /** How many parameters ({@code ?}) the expressions read: the highest index plus one. */
  public int parameters() {
    int[] max = {-1};
    RexVisitorImpl<Void> finder =
        new RexVisitorImpl<>(true) {
          @Override
          public Void visitDynamicParam(RexDynamicParam p) {
            max[0] = Math.max(max[0], p.getIndex());
            return null;
          }
        };
    expressions().forEach(e -> e.accept(finder));
    return max[0] + 1;
  }
}
