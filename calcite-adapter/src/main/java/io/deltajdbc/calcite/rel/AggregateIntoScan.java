package io.deltajdbc.calcite.rel;

import io.deltajdbc.calcite.exec.AggregationCompiler;
import io.deltajdbc.calcite.exec.BatchAggregation;
import io.deltajdbc.calcite.exec.BatchCompiler;
import io.deltajdbc.calcite.internal.PredicateTranslator;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptRuleOperand;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Pushes an aggregate over a filter and a projection of a Delta scan into the scan ({@link
 * DeltaAggregate}), computed on column batches. Declines, leaving Calcite's operators to do it on
 * rows, whatever the batch path cannot compute exactly as they would: DISTINCT, FILTER clauses,
 * grouping sets, other functions, types without a batch form.
 */
final class AggregateIntoScan extends RelOptRule {
  private final Shape shape;

  enum Shape {
    PROJECT_FILTER,
    FILTER,
    PROJECT,
    SCAN
  }

  AggregateIntoScan(Shape shape) {
    super(operand(shape), "DeltaAggregateIntoScan" + shape);
    this.shape = shape;
  }

  private static RelOptRuleOperand operand(Shape shape) {
    RelOptRuleOperand scan = operand(DeltaTableScan.class, none());
    return switch (shape) {
      case PROJECT_FILTER ->
          operand(
              LogicalAggregate.class,
              operand(LogicalProject.class, operand(LogicalFilter.class, scan)));
      case FILTER -> operand(LogicalAggregate.class, operand(LogicalFilter.class, scan));
      case PROJECT -> operand(LogicalAggregate.class, operand(LogicalProject.class, scan));
      case SCAN -> operand(LogicalAggregate.class, scan);
    };
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate agg = call.rel(0);
    LogicalProject project =
        shape == Shape.PROJECT_FILTER || shape == Shape.PROJECT ? call.rel(1) : null;
    LogicalFilter filter =
        shape == Shape.PROJECT_FILTER ? call.rel(2) : shape == Shape.FILTER ? call.rel(1) : null;
    DeltaTableScan scan = call.rel(call.getRelList().size() - 1);
    if (scan.hasProjection()
        || scan.isCount()
        || agg.getGroupType() != Aggregate.Group.SIMPLE
        || !EngineConfig.columnarScans(scan.deltaTable().table().logStore().configuration())) {
      return;
    }
    RexBuilder rex = agg.getCluster().getRexBuilder();
    List<RexNode> conjuncts = new ArrayList<>();
    if (scan.filterRex() != null) {
      conjuncts.addAll(RelOptUtil.conjunctions(scan.filterRex()));
    }
    if (filter != null) {
      conjuncts.addAll(RelOptUtil.conjunctions(filter.getCondition()));
    }
    RexNode condition = conjuncts.isEmpty() ? null : RexUtil.composeConjunction(rex, conjuncts);
    List<RexNode> projects = new ArrayList<>();
    if (project != null) {
      projects.addAll(project.getProjects());
    } else {
      for (int i = 0; i < scan.getRowType().getFieldCount(); i++) {
        projects.add(RexInputRef.of(i, scan.getRowType()));
      }
    }
    List<AggregationCompiler.Call> calls = new ArrayList<>();
    for (AggregateCall c : agg.getAggCallList()) {
      if (c.isDistinct()
          || c.filterArg >= 0
          || c.getArgList().size() > 1
          || c.isApproximate()
          || !c.getCollation().getFieldCollations().isEmpty()) {
        return;
      }
      calls.add(
          new AggregationCompiler.Call(
              c.getAggregation().getKind(),
              c.getArgList().isEmpty() ? -1 : c.getArgList().get(0),
              c.getType()));
    }
    // the columns read: those the condition, the group keys and the calls use
    TreeSet<Integer> used = new TreeSet<>();
    RexShuttle collect =
        new RexShuttle() {
          @Override
          public RexNode visitInputRef(RexInputRef ref) {
            used.add(ref.getIndex());
            return ref;
          }
        };
    if (condition != null) {
      condition.accept(collect);
    }
    agg.getGroupSet().forEach(k -> projects.get(k).accept(collect));
    calls.forEach(
        c -> {
          if (c.argument() >= 0) {
            projects.get(c.argument()).accept(collect);
          }
        });
    List<Integer> read = new ArrayList<>(used);
    if (read.isEmpty() || countOfPartitions(agg, calls, scan, read)) {
      // COUNT(*) without a condition, or one on partition columns: the log's statistics answer it
      return;
    }
    List<String> allNames = scan.getRowType().getFieldNames();
    List<String> names = new ArrayList<>();
    List<RelDataType> types = new ArrayList<>();
    for (int i : read) {
      names.add(allNames.get(i));
      types.add(scan.getRowType().getFieldList().get(i).getType());
    }
    RexShuttle remap =
        new RexShuttle() {
          @Override
          public RexNode visitInputRef(RexInputRef ref) {
            return new RexInputRef(read.indexOf(ref.getIndex()), ref.getType());
          }
        };
    RexNode batchCondition = condition == null ? null : condition.accept(remap);
    List<RexNode> batchProjects = new ArrayList<>();
    for (int i = 0; i < projects.size(); i++) {
      boolean needed = agg.getGroupSet().get(i) || isArgument(calls, i);
      batchProjects.add(
          needed ? projects.get(i).accept(remap) : rex.makeNullLiteral(projects.get(i).getType()));
    }
    BatchAggregation aggregation;
    try {
      aggregation =
          AggregationCompiler.compile(
              types, rex, batchCondition, batchProjects, agg.getGroupSet(), calls);
    } catch (BatchCompiler.NotBatchable e) {
      return;
    }
    // the engine predicate (partition pruning, statistics skipping) of what translates
    io.deltajdbc.engine.expressions.Predicate pushed = null;
    if (batchCondition != null) {
      StructType schema = scan.deltaTable().schema();
      List<DataType> engineTypes =
          names.stream().map(n -> schema.get(n).orElseThrow().type()).toList();
      pushed = new PredicateTranslator(names, engineTypes, rex).split(batchCondition).pushed();
    }
    call.transformTo(
        new DeltaAggregate(
            agg.getCluster(),
            agg.getTraitSet().replace(DeltaRel.CONVENTION),
            scan.deltaTable(),
            names,
            batchCondition,
            pushed,
            batchProjects,
            agg.getGroupSet(),
            calls,
            aggregation,
            agg.getRowType()));
  }

  private static boolean countOfPartitions(
      LogicalAggregate agg,
      List<AggregationCompiler.Call> calls,
      DeltaTableScan scan,
      List<Integer> read) {
    if (!agg.getGroupSet().isEmpty() || !calls.stream().allMatch(c -> c.argument() < 0)) {
      return false;
    }
    java.util.Set<String> partitions = new java.util.HashSet<>();
    scan.deltaTable()
        .info()
        .partitionColumns()
        .forEach(p -> partitions.add(p.toLowerCase(java.util.Locale.ROOT)));
    List<String> names = scan.getRowType().getFieldNames();
    return read.stream()
        .allMatch(i -> partitions.contains(names.get(i).toLowerCase(java.util.Locale.ROOT)));
  }

  private static boolean isArgument(List<AggregationCompiler.Call> calls, int project) {
    return calls.stream().anyMatch(c -> c.argument() == project);
  }
}
