package io.deltajdbc.calcite.internal.decimal;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

/**
 * AVG of a decimal as Spark computes it ({@code DecimalDivideWithOverflowCheck}): the sum, NULL
 * when it overflows its type, divided by the count and rounded half up once, to the average's type.
 * Calcite's own reduction casts the sum to the average's type before dividing, which fails for a
 * sum with more integer digits than the average's type holds (Spark's average has 4 more digits
 * than its argument, its sum 10 more), and divides with Calcite's 16-digit division. {@link
 * #register} puts this rule in Calcite's place for decimal averages; Calcite's still reduces every
 * other aggregate.
 */
public final class DecimalAverageRule extends RelOptRule {
  private static final DecimalAverageRule INSTANCE = new DecimalAverageRule();

  private DecimalAverageRule() {
    super(
        operand(
            LogicalAggregate.class,
            null,
            a -> a.getAggCallList().stream().anyMatch(DecimalAverageRule::isDecimalAverage),
            any()),
        "DecimalAverageRule");
  }

  /** Replaces Calcite's AVG reduction for decimal averages with this rule. */
  public static void register(RelOptPlanner planner) {
    planner.removeRule(CoreRules.AGGREGATE_REDUCE_FUNCTIONS);
    planner.addRule(
        AggregateReduceFunctionsRule.Config.DEFAULT
            .withExtraCondition(c -> !isDecimalAverage(c))
            .toRule());
    planner.addRule(INSTANCE);
  }

  static boolean isDecimalAverage(AggregateCall call) {
    return call.getAggregation().getKind() == SqlKind.AVG
        && call.getType().getSqlTypeName() == SqlTypeName.DECIMAL;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
    int groups = aggregate.getGroupCount();
    List<AggregateCall> calls = new ArrayList<>();
    List<RexNode> outputs = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      outputs.add(
          rexBuilder.makeInputRef(aggregate.getRowType().getFieldList().get(i).getType(), i));
    }
    for (AggregateCall c : aggregate.getAggCallList()) {
      if (!isDecimalAverage(c)) {
        outputs.add(rexBuilder.makeInputRef(c.getType(), groups + calls.size()));
        calls.add(c);
        continue;
      }
      AggregateCall sum =
          AggregateCall.create(
              c.getParserPosition(),
              SqlStdOperatorTable.SUM,
              c.isDistinct(),
              c.isApproximate(),
              c.ignoreNulls(),
              c.rexList,
              c.getArgList(),
              c.filterArg,
              c.distinctKeys,
              c.collation,
              groups,
              aggregate.getInput(),
              null,
              null);
      RexNode sumRef = rexBuilder.makeInputRef(sum.getType(), groups + calls.size());
      calls.add(sum);
      AggregateCall count =
          AggregateCall.create(
              c.getParserPosition(),
              SqlStdOperatorTable.COUNT,
              c.isDistinct(),
              c.isApproximate(),
              c.ignoreNulls(),
              c.rexList,
              c.getArgList(),
              c.filterArg,
              c.distinctKeys,
              c.collation,
              groups,
              aggregate.getInput(),
              null,
              null);
      RexNode countRef = rexBuilder.makeInputRef(count.getType(), groups + calls.size());
      calls.add(count);
      // Spark's DecimalDivideWithOverflowCheck: the sum (NULL when it overflowed its type) divided
      // by the count and rounded half up once, straight to the average's type
      RexNode checkedSum = rexBuilder.makeCall(sum.getType(), DecimalOperator.FIT, List.of(sumRef));
      outputs.add(
          rexBuilder.makeCall(c.getType(), DecimalOperator.DIVIDE, List.of(checkedSum, countRef)));
    }
    Aggregate reduced =
        aggregate.copy(
            aggregate.getTraitSet(),
            aggregate.getInput(),
            aggregate.getGroupSet(),
            aggregate.getGroupSets(),
            calls);
    RelBuilder builder = call.builder().push(reduced);
    builder.project(outputs, aggregate.getRowType().getFieldNames(), true);
    call.transformTo(builder.build());
  }
}
