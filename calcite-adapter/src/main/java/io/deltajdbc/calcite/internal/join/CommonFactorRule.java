package io.deltajdbc.calcite.internal.join;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Pulls the conjuncts every branch of an OR shares out of it, in a filter's or a join's condition:
 * {@code (a AND b) OR (a AND c)} becomes {@code a AND (b OR c)}. TPC-H Q19 repeats {@code p_partkey
 * = l_partkey} in each of its three branches; pulled out, it is the key of a hash join instead of a
 * condition tested on every pair of the two tables' rows.
 */
@SuppressWarnings("deprecation")
public final class CommonFactorRule extends RelOptRule {
  public static final CommonFactorRule FILTER = new CommonFactorRule(LogicalFilter.class);
  public static final CommonFactorRule JOIN = new CommonFactorRule(LogicalJoin.class);

  private CommonFactorRule(Class<? extends RelNode> type) {
    super(operand(type, any()), "DeltaCommonFactorRule(" + type.getSimpleName() + ")");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    RelNode rel = call.rel(0);
    if (rel instanceof LogicalFilter filter) {
      RexNode factored = factored(filter.getCondition(), call);
      if (factored != null) {
        call.transformTo(filter.copy(filter.getTraitSet(), filter.getInput(), factored));
      }
    } else if (rel instanceof LogicalJoin join) {
      RexNode factored = factored(join.getCondition(), call);
      if (factored != null) {
        call.transformTo(
            join.copy(
                join.getTraitSet(),
                factored,
                join.getLeft(),
                join.getRight(),
                join.getJoinType(),
                join.isSemiJoinDone()));
      }
    }
  }

  /** The condition with common factors pulled out, or null when it has none to pull. */
  private static RexNode factored(RexNode condition, RelOptRuleCall call) {
    if (RexUtil.findOperatorCall(SqlStdOperatorTable.OR, condition) == null) {
      return null;
    }
    RexNode pulled = RexUtil.pullFactors(call.builder().getRexBuilder(), condition);
    return pulled.equals(condition) ? null : pulled;
  }
}
