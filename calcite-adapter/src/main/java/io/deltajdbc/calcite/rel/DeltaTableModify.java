package io.deltajdbc.calcite.rel;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.runtime.DeltaWrites;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;

/**
 * INSERT into a Delta table, in Calcite's enumerable convention: the input (any query, cast to the
 * table's columns by Calcite's validator) is evaluated by Calcite, and its rows go to {@link
 * DeltaWrites#insert}, which writes and commits them. The result is the row count.
 */
public final class DeltaTableModify extends TableModify implements EnumerableRel {
  private final DeltaCalciteTable deltaTable;

  DeltaTableModify(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      Prepare.CatalogReader catalogReader,
      RelNode input,
      DeltaCalciteTable deltaTable) {
    super(cluster, traits, table, catalogReader, input, Operation.INSERT, null, null, false);
    this.deltaTable = deltaTable;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new DeltaTableModify(
        getCluster(), traitSet, getTable(), getCatalogReader(), sole(inputs), deltaTable);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    Expression rows = builder.append("rows", input.block);
    if (input.physType.getFormat() != JavaRowFormat.ARRAY) {
      rows = builder.append("arrays", input.physType.convertTo(rows, JavaRowFormat.ARRAY));
    }
    Expression table = implementor.stash(deltaTable, DeltaCalciteTable.class);
    builder.add(
        Expressions.return_(null, Expressions.call(DeltaWrites.class, "insert", table, rows)));
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.SCALAR);
    return implementor.result(physType, builder.toBlock());
  }
}
