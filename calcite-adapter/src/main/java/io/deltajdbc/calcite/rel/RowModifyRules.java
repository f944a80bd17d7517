package io.deltajdbc.calcite.rel;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.VersionSpec;
import io.deltajdbc.calcite.runtime.RexSubqueries;
import io.deltajdbc.calcite.runtime.RowChange;
import io.deltajdbc.engine.DeltaErrors;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * The planning of UPDATE and DELETE on a Delta table. Calcite validates the statement and converts
 * it to a {@code TableModify} over the table's rows: a filter by the WHERE condition and, for
 * UPDATE, a projection that computes the new values. {@link FromTableModify} turns that into a
 * {@link DeltaRowModify} before anything else is planned (sub-query removal would turn the
 * condition's sub-queries into joins), and {@link ToEnumerable} gives it the enumerable convention
 * with its sub-queries planned as queries.
 */
@SuppressWarnings("deprecation")
public final class RowModifyRules {
  private RowModifyRules() {}

  /** The step that runs before Calcite's standard program. */
  public static Program program(RelMetadataProvider metadata) {
    return Programs.of(
        HepProgram.builder().addRuleInstance(FromTableModify.INSTANCE).build(), false, metadata);
  }

  /**
   * {@code TableModify(UPDATE | DELETE)} of a Delta table over {@code [Project] [Filter] scan}
   * becomes a {@link DeltaRowModify}: the condition and values, validated and converted once, and
   * the uncorrelated sub-queries they contain as its inputs.
   */
  public static final class FromTableModify extends RelOptRule {
    public static final FromTableModify INSTANCE = new FromTableModify();

    private FromTableModify() {
      super(operand(LogicalTableModify.class, any()), "DeltaRowModifyRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalTableModify modify = call.rel(0);
      DeltaCalciteTable table = modify.getTable().unwrap(DeltaCalciteTable.class);
      if (table == null || !(modify.isUpdate() || modify.isDelete())) {
        return;
      }
      List<String> path = modify.getTable().getQualifiedName();
      String qualified = String.join(".", path.subList(Math.max(0, path.size() - 2), path.size()));
      if (!table.version().isLatest()) {
        throw DeltaErrors.invalidArgument(
            "Cannot change "
                + table.name()
                + ": an old version of a table is read-only; change "
                + VersionSpec.baseName(table.name())
                + ".");
      }
      RelNode input = modify.getInput().stripped();
      Project project = input instanceof Project p ? p : null;
      if (project != null) {
        input = project.getInput().stripped();
      }
      Filter filter = input instanceof Filter f ? f : null;
      if (filter != null) {
        input = filter.getInput().stripped();
      }
      if (!(input instanceof DeltaTableScan scan)) {
        return; // not the shape Calcite gives these statements: it reports the plan it cannot run
      }
      List<String> columns = modify.isUpdate() ? modify.getUpdateColumnList() : List.of();
      List<RexNode> values = new ArrayList<>();
      if (modify.isUpdate()) {
        if (project == null) {
          return;
        }
        int n = scan.getRowType().getFieldCount();
        values.addAll(project.getProjects().subList(n, n + columns.size()));
      }
      RexNode condition = filter == null ? null : filter.getCondition();
      List<RexSubQuery> subqueries = new ArrayList<>();
      RexShuttle collect =
          new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery sub) {
              RexSubqueries.check(sub, qualified);
              if (!subqueries.contains(sub)) {
                subqueries.add(sub);
              }
              return sub; // a sub-query inside another one's operands is its own input
            }
          };
      values.forEach(v -> v.accept(collect));
      if (condition != null) {
        condition.accept(collect);
      }
      CalciteConnectionConfig config =
          call.getPlanner()
              .getContext()
              .maybeUnwrap(CalciteConnectionConfig.class)
              .orElse(CalciteConnectionConfig.DEFAULT);
      RowChange change =
          new RowChange(
              modify.isUpdate() ? RowChange.Kind.UPDATE : RowChange.Kind.DELETE,
              table,
              qualified,
              table.schema(),
              scan.getRowType(),
              columns,
              values,
              condition,
              subqueries,
              modify.getCluster().getRexBuilder(),
              (JavaTypeFactory) modify.getCluster().getTypeFactory(),
              config.conformance());
      List<RelNode> inputs = subqueries.stream().map(s -> s.rel).toList();
      call.transformTo(
          new DeltaRowModify(
              modify.getCluster(),
              modify.getTraitSet().replace(Convention.NONE),
              inputs,
              change,
              modify.getRowType()));
    }
  }

  /** A {@link DeltaRowModify} in the enumerable convention, its sub-queries too. */
  public static final class ToEnumerable extends ConverterRule {
    public static final ToEnumerable INSTANCE =
        ConverterRule.Config.INSTANCE
            .withConversion(
                DeltaRowModify.class,
                Convention.NONE,
                EnumerableConvention.INSTANCE,
                "DeltaRowModifyToEnumerableRule")
            .withRuleFactory(ToEnumerable::new)
            .toRule(ToEnumerable.class);

    ToEnumerable(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      List<RelNode> inputs = new ArrayList<>();
      for (RelNode input : rel.getInputs()) {
        inputs.add(convert(input, input.getTraitSet().replace(EnumerableConvention.INSTANCE)));
      }
      return rel.copy(rel.getTraitSet().replace(EnumerableConvention.INSTANCE), inputs);
    }
  }
}
