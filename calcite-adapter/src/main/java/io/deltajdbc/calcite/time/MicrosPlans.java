package io.deltajdbc.calcite.time;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableValues;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.TimestampString;

/**
 * The planning of a query with timestamps of microseconds: Calcite's standard program, with
 * constants folded by {@link MicrosExecutor}, then every expression of the physical plan rewritten
 * by {@link MicrosRex}. The rewrite comes last so that the planner's rules, and the pushdown of
 * filters into Delta scans, see Calcite's own expressions and literals at full precision; the plan
 * below a Delta scan's converter is the adapter's and is left alone.
 */
public final class MicrosPlans {
  private MicrosPlans() {}

  /**
   * The program a Delta statement is planned with: {@code planning}, then the rewrite to
   * microseconds.
   */
  public static Program program(Program planning) {
    return (planner, rel, traits, materializations, lattices) -> {
      useMicrosExecutor(planner);
      RelNode best = planning.run(planner, rel, traits, materializations, lattices);
      return rewrite(best);
    };
  }

  /** Calcite's constant folding, with timestamps to the microsecond. */
  public static org.apache.calcite.rex.RexExecutor executor() {
    return new MicrosExecutor(null);
  }

  /** Constants of timestamps folded to the microsecond from now on in {@code planner}. */
  public static void useMicrosExecutor(RelOptPlanner planner) {
    if (!(planner.getExecutor() instanceof MicrosExecutor)) {
      planner.setExecutor(new MicrosExecutor(planner.getExecutor()));
    }
  }

  /** A physical plan whose expressions compute with timestamps of microseconds. */
  public static RelNode rewrite(RelNode plan) {
    return plan.accept(
        new RelHomogeneousShuttle() {
          @Override
          public RelNode visit(RelNode other) {
            if (other.getConvention() != EnumerableConvention.INSTANCE) {
              return other; // a Delta scan's own nodes: their conditions become engine predicates
            }
            RelNode node = super.visit(other);
            RexBuilder rexBuilder = node.getCluster().getRexBuilder();
            if (node instanceof EnumerableValues values && hasTimestamp(values.getRowType())) {
              return values(values, rexBuilder);
            }
            if (node instanceof Calc calc) {
              return calc(calc, rexBuilder);
            }
            return node.accept(MicrosRex.shuttle(rexBuilder));
          }
        });
  }

  private static boolean hasTimestamp(RelDataType rowType) {
    return rowType.getFieldList().stream().anyMatch(f -> MicrosRex.isTimestamp(f.getType()));
  }

  /** A Calc's program rebuilt from its rewritten expressions. */
  private static RelNode calc(Calc calc, RexBuilder rexBuilder) {
    RexProgram program = calc.getProgram();
    boolean any = program.getExprList().stream().anyMatch(MicrosRex::involvesTimestamp);
    if (!any) {
      return calc;
    }
    RexShuttle shuttle = MicrosRex.shuttle(rexBuilder);
    List<RexNode> projects = new ArrayList<>();
    for (var ref : program.getProjectList()) {
      projects.add(program.expandLocalRef(ref).accept(shuttle));
    }
    RexNode condition =
        program.getCondition() == null
            ? null
            : program.expandLocalRef(program.getCondition()).accept(shuttle);
    RexProgram rewritten =
        RexProgram.create(
            program.getInputRowType(), projects, condition, program.getOutputRowType(), rexBuilder);
    return calc.copy(calc.getTraitSet(), calc.getInput(), rewritten);
  }

  /**
   * VALUES with timestamps: Calcite writes its literals into the generated code as milliseconds, so
   * the rows hold the microseconds as numbers and a Calc above types them as timestamps.
   */
  private static RelNode values(EnumerableValues values, RexBuilder rexBuilder) {
    RelDataTypeFactory types = rexBuilder.getTypeFactory();
    RelDataType bigint = types.createSqlType(SqlTypeName.BIGINT);
    RelDataTypeFactory.Builder row = types.builder();
    for (RelDataTypeField f : values.getRowType().getFieldList()) {
      row.add(
          f.getName(),
          MicrosRex.isTimestamp(f.getType())
              ? types.createTypeWithNullability(bigint, f.getType().isNullable())
              : f.getType());
    }
    RelDataType numbers = row.build();
    ImmutableList.Builder<ImmutableList<RexLiteral>> tuples = ImmutableList.builder();
    for (List<RexLiteral> tuple : values.getTuples()) {
      ImmutableList.Builder<RexLiteral> t = ImmutableList.builder();
      for (int i = 0; i < tuple.size(); i++) {
        RexLiteral lit = tuple.get(i);
        RelDataType type = numbers.getFieldList().get(i).getType();
        t.add(
            !MicrosRex.isTimestamp(lit.getType())
                ? lit
                : lit.isNull()
                    ? (RexLiteral) rexBuilder.makeNullLiteral(type)
                    : (RexLiteral)
                        rexBuilder.makeLiteral(
                            Micros.of(lit.getValueAs(TimestampString.class)), type, false));
      }
      tuples.add(t.build());
    }
    EnumerableValues input = EnumerableValues.create(values.getCluster(), numbers, tuples.build());
    List<RexNode> projects = new ArrayList<>();
    for (RelDataTypeField f : values.getRowType().getFieldList()) {
      RexNode ref = rexBuilder.makeInputRef(input, f.getIndex());
      projects.add(
          MicrosRex.isTimestamp(f.getType())
              ? rexBuilder.makeCall(f.getType(), MicrosOperators.MICROS, List.of(ref))
              : ref);
    }
    return EnumerableCalc.create(
        input, RexProgram.create(numbers, projects, null, values.getRowType(), rexBuilder));
  }
}
