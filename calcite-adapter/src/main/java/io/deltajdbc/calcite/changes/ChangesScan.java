package io.deltajdbc.calcite.changes;

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
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/**
 * The scan of a {@link ChangesTable}, in the enumerable convention: the generated code takes the
 * table from the statement's stash (a macro's table has no schema path to be looked up by) and
 * iterates its {@link ChangesTable#rows()}.
 */
final class ChangesScan extends TableScan implements EnumerableRel {
  private final ChangesTable changes;

  ChangesScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, ChangesTable changes) {
    super(cluster, traits, List.of(), table);
    this.changes = changes;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ChangesScan(getCluster(), traitSet, getTable(), changes);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    Expression table = implementor.stash(changes, ChangesTable.class);
    BlockBuilder block = new BlockBuilder();
    block.add(Expressions.return_(null, Expressions.call(table, "rows")));
    return implementor.result(physType, block.toBlock());
  }
}
