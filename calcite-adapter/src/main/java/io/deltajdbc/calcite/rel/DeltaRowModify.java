package io.deltajdbc.calcite.rel;

import io.deltajdbc.calcite.runtime.RowChange;
import io.deltajdbc.calcite.runtime.RowChanges;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
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
import org.apache.calcite.rex.RexSubQuery;

/**
 * UPDATE or DELETE of a Delta table, planned: the statement's {@link RowChange} (validated
 * condition and values over the table's rows) and, as inputs, its uncorrelated sub-queries, which
 * are planned as queries of their own. {@link RowModifyRules.FromTableModify} makes it from
 * Calcite's {@code TableModify} before sub-queries are planned; {@link RowModifyRules.ToEnumerable}
 * moves it to the enumerable convention, where its code runs the sub-queries and hands their rows
 * to {@link RowChanges#execute}. The result is the row count.
 */
public final class DeltaRowModify extends AbstractRelNode implements EnumerableRel {
  private final List<RelNode> inputs;
  private final RowChange change;

  DeltaRowModify(
      RelOptCluster cluster,
      RelTraitSet traits,
      List<RelNode> inputs,
      RowChange change,
      RelDataType rowType) {
    super(cluster, traits);
    this.inputs = new ArrayList<>(inputs);
    this.change = change;
    this.rowType = rowType;
  }

  public RowChange change() {
    return change;
  }

  @Override
  public List<RelNode> getInputs() {
    return List.copyOf(inputs);
  }

  @Override
  public void replaceInput(int ordinalInParent, RelNode p) {
    inputs.set(ordinalInParent, p);
    recomputeDigest();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new DeltaRowModify(getCluster(), traitSet, inputs, change, rowType);
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    for (int i = 0; i < inputs.size(); i++) {
      pw.input("subquery" + i, inputs.get(i));
    }
    return pw.item("table", change.qualified())
        .item("operation", change.kind())
        .itemIf("columns", change.columns(), !change.columns().isEmpty())
        .itemIf(
            "values",
            change.values().stream().map(this::explain).toList(),
            !change.values().isEmpty())
        .itemIf("condition", explain(change.condition()), change.condition() != null);
  }

  /** An expression with each sub-query shown as the input it is ({@code $SCALAR_QUERY(#0)}). */
  private String explain(RexNode e) {
    if (e == null) {
      return null;
    }
    String text = e.toString();
    for (int i = 0; i < change.subqueries().size(); i++) {
      RexSubQuery sub = change.subqueries().get(i);
      String operands =
          sub.getOperands().isEmpty()
              ? ""
              : sub.getOperands().stream().map(RexNode::toString).toList() + ", ";
      text = text.replace(sub.toString(), "$" + sub.getKind() + "(" + operands + "#" + i + ")");
    }
    return text;
  }

  /** One step: what it costs is the statement's work, which no other plan of it avoids. */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeTinyCost();
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    List<Expression> subqueries = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Result input = implementor.visitChild(this, i, (EnumerableRel) inputs.get(i), Prefer.ARRAY);
      subqueries.add(builder.append("subquery" + i, input.block));
    }
    Expression change = implementor.stash(this.change, RowChange.class);
    builder.add(
        Expressions.return_(
            null,
            Expressions.call(
                RowChanges.class,
                "execute",
                change,
                implementor.getRootExpression(),
                Expressions.newArrayInit(Enumerable.class, subqueries))));
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.SCALAR);
    return implementor.result(physType, builder.toBlock());
  }
}
