package io.deltajdbc.calcite.internal.join;

import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * The cost of a hash join as Calcite's enumerable hash join runs it: it loads its right input into
 * a hash table and streams its left one past it, so building costs more per row than probing.
 * Calcite's own estimate charges the left input {@code n log n} (it prefers the smaller input on
 * the left) and so builds the fact table and probes with the dimension; this one charges the right
 * input, and the planner, which considers both orders of every join, builds the smaller. Building
 * is linear (twice a probe): Volcano compares costs by rows alone and charges a sort its input's
 * rows, so an {@code n log n} build made sorting both inputs for a merge join look cheaper than
 * hashing the smaller one (TPC-H Q13 sorted 1.5M orders). Semi- and anti-joins, whose sides cannot
 * swap, keep Calcite's estimate.
 */
public final class HashJoinCost implements MetadataHandler<BuiltInMetadata.NonCumulativeCost> {
  public static final HashJoinCost INSTANCE = new HashJoinCost();

  /** What inserting a row into the hash table costs, in probes. */
  private static final double BUILD_PER_ROW = 2;

  private HashJoinCost() {}

  @Override
  @Deprecated
  public MetadataDef<BuiltInMetadata.NonCumulativeCost> getDef() {
    return BuiltInMetadata.NonCumulativeCost.DEF;
  }

  /** Output rows, plus the probe side's rows, plus twice the build side's. */
  public RelOptCost getNonCumulativeCost(EnumerableHashJoin join, RelMetadataQuery mq) {
    if (join.getJoinType() == JoinRelType.SEMI || join.getJoinType() == JoinRelType.ANTI) {
      return join.computeSelfCost(join.getCluster().getPlanner(), mq);
    }
    Double out = mq.getRowCount(join);
    Double probe = mq.getRowCount(join.getLeft());
    Double build = mq.getRowCount(join.getRight());
    if (out == null || probe == null || build == null) {
      return join.computeSelfCost(join.getCluster().getPlanner(), mq);
    }
    double rows = out + probe + BUILD_PER_ROW * build;
    return join.getCluster().getPlanner().getCostFactory().makeCost(rows, 0, 0);
  }
}
