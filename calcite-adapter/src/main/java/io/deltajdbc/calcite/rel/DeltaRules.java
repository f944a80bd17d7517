package io.deltajdbc.calcite.rel;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.internal.ParameterFilter;
import io.deltajdbc.calcite.internal.PredicateTranslator;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * The rules that push work into {@link DeltaTableScan} and convert it to the enumerable convention.
 */
@SuppressWarnings("deprecation")
public final class DeltaRules {
  private DeltaRules() {}

  public static final List<RelOptRule> ALL =
      List.of(
          new FilterIntoScan(),
          new ProjectIntoScan(),
          new ProjectFilterIntoScan(),
          new CountFromLog(),
          new CountOverProjectFromLog(),
          new CountOverFilterFromLog(),
          new AggregateIntoScan(AggregateIntoScan.Shape.PROJECT_FILTER),
          new AggregateIntoScan(AggregateIntoScan.Shape.FILTER),
          new AggregateIntoScan(AggregateIntoScan.Shape.PROJECT),
          new AggregateIntoScan(AggregateIntoScan.Shape.SCAN),
          ToEnumerable.INSTANCE,
          AggregateToEnumerable.INSTANCE);

  /**
   * The translatable conjuncts of {@code filter} pushed into {@code scan}, or null when none is.
   * Rules that match a logical parent of the filter use it, because the parent sees only the
   * logical alternatives of its input, not the scan another rule produced in the DELTA convention.
   */
  static DeltaTableScan pushFilter(
      LogicalFilter filter, DeltaTableScan scan, List<RexNode> remaining) {
    if (scan.filter() != null || scan.parameterFilter() != null || scan.isCount()) {
      return null;
    }
    StructType schema = scan.deltaTable().schema();
    List<String> names = scan.getRowType().getFieldNames();
    List<DataType> types = names.stream().map(n -> schema.get(n).orElseThrow().type()).toList();
    PredicateTranslator.Split split =
        new PredicateTranslator(names, types, filter.getCluster().getRexBuilder())
            .split(filter.getCondition());
    ParameterFilter parameters =
        ParameterFilter.of(names, types, filter.getCluster().getRexBuilder(), split.remaining());
    if (split.pushed() == null && parameters == null) {
      return null;
    }
    remaining.addAll(split.remaining());
    return scan.withFilter(
        split.pushed() == null
            ? null
            : RexUtil.composeConjunction(
                filter.getCluster().getRexBuilder(), split.pushedConjuncts()),
        split.pushed(),
        parameters);
  }

  /** A projection of columns over a filter over the scan: both pushed when the whole filter is. */
  static final class ProjectFilterIntoScan extends RelOptRule {
    ProjectFilterIntoScan() {
      super(
          operand(
              LogicalProject.class,
              operand(LogicalFilter.class, operand(DeltaTableScan.class, none()))),
          "DeltaProjectFilterIntoScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalProject project = call.rel(0);
      List<RexNode> remaining = new ArrayList<>();
      DeltaTableScan filtered = pushFilter(call.rel(1), call.rel(2), remaining);
      if (filtered == null
          || !remaining.isEmpty()
          || filtered.hasProjection()
          || !project.getProjects().stream().allMatch(p -> p instanceof RexInputRef)) {
        return;
      }
      int[] fields =
          project.getProjects().stream().mapToInt(p -> ((RexInputRef) p).getIndex()).toArray();
      call.transformTo(renamed(filtered.withProjects(fields), project));
    }
  }

  /** COUNT(*) over a filter over the scan, when the filter is on partition columns only. */
  static final class CountOverFilterFromLog extends RelOptRule {
    CountOverFilterFromLog() {
      super(
          operand(
              LogicalAggregate.class,
              operand(LogicalFilter.class, operand(DeltaTableScan.class, none()))),
          "DeltaCountOverFilterFromLog");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      List<RexNode> remaining = new ArrayList<>();
      DeltaTableScan filtered = pushFilter(call.rel(1), call.rel(2), remaining);
      if (filtered != null && remaining.isEmpty()) {
        count(call, call.rel(0), filtered);
      }
    }
  }

  /** The scan, under a projection that renames its columns when the query's names differ. */
  static RelNode renamed(DeltaTableScan scan, LogicalProject project) {
    if (scan.getRowType().getFieldNames().equals(project.getRowType().getFieldNames())) {
      return scan;
    }
    List<RexNode> refs = new ArrayList<>();
    for (int i = 0; i < scan.getRowType().getFieldCount(); i++) {
      refs.add(RexInputRef.of(i, scan.getRowType()));
    }
    return LogicalProject.create(
        scan, List.of(), refs, project.getRowType().getFieldNames(), java.util.Set.of());
  }

  /** Pushes the translatable conjuncts of a filter into the scan; the rest stays above it. */
  static final class FilterIntoScan extends RelOptRule {
    FilterIntoScan() {
      super(
          operand(LogicalFilter.class, operand(DeltaTableScan.class, none())),
          "DeltaFilterIntoScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      List<RexNode> remaining = new ArrayList<>();
      DeltaTableScan pushed = pushFilter(filter, call.rel(1), remaining);
      if (pushed == null) {
        return;
      }
      call.transformTo(
          remaining.isEmpty()
              ? pushed
              : LogicalFilter.create(
                  pushed,
                  RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), remaining)));
    }
  }

  /** Reads only the columns a projection of plain column references needs. */
  static final class ProjectIntoScan extends RelOptRule {
    ProjectIntoScan() {
      super(
          operand(LogicalProject.class, operand(DeltaTableScan.class, none())),
          "DeltaProjectIntoScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalProject project = call.rel(0);
      DeltaTableScan scan = call.rel(1);
      if (scan.hasProjection()
          || scan.isCount()
          || project.getProjects().isEmpty()
          || !project.getProjects().stream().allMatch(p -> p instanceof RexInputRef)) {
        return;
      }
      int[] fields =
          project.getProjects().stream().mapToInt(p -> ((RexInputRef) p).getIndex()).toArray();
      call.transformTo(renamed(scan.withProjects(fields), project));
    }
  }

  /**
   * COUNT(*) without a filter, or with a filter on partition columns only, from the log's
   * statistics.
   */
  static final class CountFromLog extends RelOptRule {
    CountFromLog() {
      super(
          operand(LogicalAggregate.class, operand(DeltaTableScan.class, none())),
          "DeltaCountFromLog");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      count(call, call.rel(0), call.rel(1));
    }
  }

  /** The same through the projection Calcite puts under COUNT(*). */
  static final class CountOverProjectFromLog extends RelOptRule {
    CountOverProjectFromLog() {
      super(
          operand(
              LogicalAggregate.class,
              operand(LogicalProject.class, operand(DeltaTableScan.class, none()))),
          "DeltaCountOverProjectFromLog");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      count(call, call.rel(0), call.rel(2));
    }
  }

  private static void count(RelOptRuleCall call, LogicalAggregate agg, DeltaTableScan scan) {
    if (agg.getGroupCount() != 0
        || agg.getAggCallList().size() != 1
        || scan.isCount()
        || scan.parameterFilter() != null) {
      return;
    }
    AggregateCall c = agg.getAggCallList().get(0);
    if (c.getAggregation().getKind() != SqlKind.COUNT
        || !c.getArgList().isEmpty()
        || c.isDistinct()
        || c.filterArg >= 0) {
      return;
    }
    if (scan.filter() != null) {
      Set<String> partitions =
          scan.deltaTable().info().partitionColumns().stream()
              .map(p -> p.toLowerCase(Locale.ROOT))
              .collect(Collectors.toSet());
      boolean partitionOnly =
          Predicates.columns(scan.filter()).stream()
              .allMatch(col -> partitions.contains(col.topLevel().toLowerCase(Locale.ROOT)));
      if (!partitionOnly) {
        return;
      }
    }
    DeltaTableScan counted = scan.asCount(agg.getRowType().getFieldNames().get(0));
    if (counted.query().plan().rowCountFromLog().isPresent()) {
      call.transformTo(counted);
    }
  }

  /** Runs a Delta scan in the enumerable convention. */
  static final class ToEnumerable extends ConverterRule {
    static final ToEnumerable INSTANCE =
        ConverterRule.Config.INSTANCE
            .withConversion(
                DeltaTableScan.class,
                DeltaRel.CONVENTION,
                EnumerableConvention.INSTANCE,
                "DeltaToEnumerable")
            .withRuleFactory(ToEnumerable::new)
            .toRule(ToEnumerable.class);

    ToEnumerable(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      return new DeltaToEnumerableConverter(
          rel.getCluster(), rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel);
    }
  }

  /** Runs a Delta aggregate in the enumerable convention. */
  static final class AggregateToEnumerable extends ConverterRule {
    static final AggregateToEnumerable INSTANCE =
        ConverterRule.Config.INSTANCE
            .withConversion(
                DeltaAggregate.class,
                DeltaRel.CONVENTION,
                EnumerableConvention.INSTANCE,
                "DeltaAggregateToEnumerable")
            .withRuleFactory(AggregateToEnumerable::new)
            .toRule(AggregateToEnumerable.class);

    AggregateToEnumerable(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      return new DeltaToEnumerableConverter(
          rel.getCluster(), rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel);
    }
  }

  /** INSERT into a Delta table: a {@link LogicalTableModify} becomes a {@link DeltaTableModify}. */
  public static final class InsertRule extends ConverterRule {
    public static final InsertRule INSTANCE =
        ConverterRule.Config.INSTANCE
            .withConversion(
                LogicalTableModify.class,
                Convention.NONE,
                EnumerableConvention.INSTANCE,
                "DeltaInsertRule")
            .withRuleFactory(InsertRule::new)
            .toRule(InsertRule.class);

    InsertRule(Config config) {
      super(config);
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
      LogicalTableModify modify = call.rel(0);
      return modify.isInsert() && modify.getTable().unwrap(DeltaCalciteTable.class) != null;
    }

    @Override
    public RelNode convert(RelNode rel) {
      LogicalTableModify modify = (LogicalTableModify) rel;
      RelTraitSet traits = modify.getTraitSet().replace(EnumerableConvention.INSTANCE);
      return new DeltaTableModify(
          modify.getCluster(),
          traits,
          modify.getTable(),
          modify.getCatalogReader(),
          convert(
              modify.getInput(),
              modify.getInput().getTraitSet().replace(EnumerableConvention.INSTANCE)),
          modify.getTable().unwrap(DeltaCalciteTable.class));
    }
  }
}
