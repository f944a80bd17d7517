package io.deltajdbc.calcite.rel;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.exec.AggregationCompiler;
import io.deltajdbc.calcite.exec.BatchAggregation;
import io.deltajdbc.engine.expressions.Predicate;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * An aggregate computed by the Delta scan itself, on column batches: the rows of {@code columns}
 * that satisfy {@code condition}, the expressions {@code projects} over them, grouped by {@code
 * groupSet} (positions among the projects), with COUNT/SUM/MIN/MAX calls. Each split (data file) is
 * aggregated on a worker thread and the partial results merged. The engine predicate prunes
 * partitions, skips files by statistics and row groups by Parquet statistics first.
 */
public final class DeltaAggregate extends AbstractRelNode implements DeltaRel {
  private final DeltaCalciteTable table;
  private final List<String> columns;
  private final RexNode condition;
  private final Predicate pushed;
  private final List<RexNode> projects;
  private final ImmutableBitSet groupSet;
  private final List<AggregationCompiler.Call> calls;
  private final BatchAggregation aggregation;
  private final RelDataType rowType;

  DeltaAggregate(
      RelOptCluster cluster,
      RelTraitSet traits,
      DeltaCalciteTable table,
      List<String> columns,
      RexNode condition,
      Predicate pushed,
      List<RexNode> projects,
      ImmutableBitSet groupSet,
      List<AggregationCompiler.Call> calls,
      BatchAggregation aggregation,
      RelDataType rowType) {
    super(cluster, traits);
    this.table = table;
    this.columns = List.copyOf(columns);
    this.condition = condition;
    this.pushed = pushed;
    this.projects = List.copyOf(projects);
    this.groupSet = groupSet;
    this.calls = List.copyOf(calls);
    this.aggregation = aggregation;
    this.rowType = rowType;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new DeltaAggregate(
        getCluster(),
        traitSet,
        table,
        columns,
        condition,
        pushed,
        projects,
        groupSet,
        calls,
        aggregation,
        rowType);
  }

  /** What the generated code runs. */
  DeltaAggregateQuery query() {
    return new DeltaAggregateQuery(table, columns, pushed, aggregation);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", table.name())
        .itemIf(
            "version",
            table.version().isLatest() ? null : table.version().suffix(),
            !table.version().isLatest())
        .item("columns", columns)
        .itemIf("condition", condition, condition != null)
        .item("projects", projects)
        .item("group", groupSet)
        .item(
            "calls",
            calls.stream()
                .map(c -> c.kind() + (c.argument() < 0 ? "()" : "($" + c.argument() + ")"))
                .toList())
        .item("reader", "columnar batches");
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return groupSet.isEmpty() ? 1 : 100;
  }

  /** Far cheaper than reading the rows into Calcite and aggregating them there. */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeCost(estimateRowCount(mq), 1, 1).multiplyBy(0.001);
  }
}
