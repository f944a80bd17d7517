package io.deltajdbc.calcite.rel;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.internal.ParameterFilter;
import io.deltajdbc.engine.Scan;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A scan of a Delta table in the {@code DELTA} convention, with what the rules pushed into it: the
 * columns to read, the filter the engine evaluates (pruning partitions and skipping files by
 * statistics first), or a COUNT(*) answered from the log. EXPLAIN shows all of it, with the file
 * counts of the current snapshot.
 */
public final class DeltaTableScan extends TableScan implements DeltaRel {
  private final DeltaCalciteTable deltaTable;
  private final int[] projects;
  private final RexNode filterRex;
  private final Predicate filter;
  private final String countName;
  private final ParameterFilter parameterFilter;
  private Planned planned;
  private List<OptionalLong> distinctBounds;

  private DeltaTableScan(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      DeltaCalciteTable deltaTable,
      int[] projects,
      RexNode filterRex,
      Predicate filter,
      String countName,
      ParameterFilter parameterFilter) {
    super(cluster, traits, List.of(), table);
    this.deltaTable = deltaTable;
    this.projects = projects;
    this.filterRex = filterRex;
    this.filter = filter;
    this.countName = countName;
    this.parameterFilter = parameterFilter;
  }

  public static DeltaTableScan create(
      RelOptCluster cluster, RelTraitSet traits, RelOptTable table, DeltaCalciteTable deltaTable) {
    return new DeltaTableScan(cluster, traits, table, deltaTable, null, null, null, null, null);
  }

  DeltaCalciteTable deltaTable() {
    return deltaTable;
  }

  boolean hasProjection() {
    return projects != null;
  }

  boolean isCount() {
    return countName != null;
  }

  Predicate filter() {
    return filter;
  }

  /** The conjuncts with statement parameters, translated at each execution, or null. */
  ParameterFilter parameterFilter() {
    return parameterFilter;
  }

  /** The pushed filter as Calcite's condition over the table's columns, or null. */
  RexNode filterRex() {
    return filterRex;
  }

  DeltaTableScan withFilter(RexNode rex, Predicate predicate, ParameterFilter parameters) {
    return new DeltaTableScan(
        getCluster(),
        getTraitSet(),
        getTable(),
        deltaTable,
        projects,
        rex,
        predicate,
        null,
        parameters);
  }

  DeltaTableScan withProjects(int[] newProjects) {
    return new DeltaTableScan(
        getCluster(),
        getTraitSet(),
        getTable(),
        deltaTable,
        newProjects,
        filterRex,
        filter,
        null,
        parameterFilter);
  }

  DeltaTableScan asCount(String name) {
    return new DeltaTableScan(
        getCluster(),
        getTraitSet(),
        getTable(),
        deltaTable,
        null,
        filterRex,
        filter,
        name,
        parameterFilter);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new DeltaTableScan(
        getCluster(),
        traitSet,
        getTable(),
        deltaTable,
        projects,
        filterRex,
        filter,
        countName,
        parameterFilter);
  }

  @Override
  public void register(RelOptPlanner planner) {
    DeltaRules.ALL.forEach(planner::addRule);
  }

  @Override
  public RelDataType deriveRowType() {
    if (countName != null) {
      var f = getCluster().getTypeFactory();
      return f.builder().add(countName, f.createSqlType(SqlTypeName.BIGINT)).build();
    }
    RelDataType full = table.getRowType();
    if (projects == null) {
      return full;
    }
    var b = getCluster().getTypeFactory().builder();
    for (int p : projects) {
      RelDataTypeField f = full.getFieldList().get(p);
      b.add(f.getName(), f.getType());
    }
    return b.build();
  }

  /** The columns read, by name, and their engine types. */
  List<String> columnNames() {
    List<String> names = new ArrayList<>();
    List<String> all = table.getRowType().getFieldNames();
    if (projects == null) {
      names.addAll(all);
    } else {
      for (int p : projects) {
        names.add(all.get(p));
      }
    }
    return names;
  }

  DeltaQuery query() {
    StructType schema = deltaTable.schema();
    List<String> names = columnNames();
    List<DataType> types = new ArrayList<>();
    for (String n : names) {
      types.add(schema.get(n).orElseThrow().type());
    }
    return new DeltaQuery(deltaTable, names, types, filter, parameterFilter, countName != null);
  }

  /**
   * What the engine's plan of this scan says, taken once (the plan itself, a list of files, is not
   * kept).
   */
  private record Planned(Scan.ScanMetrics metrics, long rows) {}

  private Planned plan() {
    if (planned == null) {
      Scan scan = query().plan();
      planned = new Planned(scan.metrics(), scan.estimatedRowCount());
    }
    return planned;
  }

  private Scan.ScanMetrics metrics() {
    return plan().metrics();
  }

  /** Rows in the files the scan reads (after pruning and skipping), from the log's statistics. */
  private long planRows() {
    return plan().rows();
  }

  /**
   * An upper bound on the distinct non-null values of an output column in the files read, from the
   * log (before the pushed filter); empty when the log does not tell.
   */
  public OptionalLong distinctValuesBound(int field) {
    if (countName != null) {
      return OptionalLong.empty();
    }
    if (distinctBounds == null) { // planned again: only scans that feed joins are asked
      Scan scan = query().plan();
      distinctBounds = columnNames().stream().map(scan::distinctValuesBound).toList();
    }
    return distinctBounds.get(field);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    RelWriter w =
        super.explainTerms(pw)
            .itemIf(
                "version",
                deltaTable.version().isLatest() ? null : deltaTable.version().suffix(),
                !deltaTable.version().isLatest())
            .itemIf("columns", columnNames(), projects != null)
            .itemIf("filter", filterRex, filterRex != null)
            .itemIf(
                "parameterFilter",
                parameterFilter == null ? null : parameterFilter.conjuncts(),
                parameterFilter != null)
            .itemIf("countFromLog", true, countName != null);
    // The digest (DIGEST_ATTRIBUTES) is the node's identity: its immutable fields only, no I/O. The
    // file counts are what EXPLAIN shows, planned once per node when it is asked.
    if (pw.getDetailLevel() == SqlExplainLevel.DIGEST_ATTRIBUTES) {
      return w;
    }
    Scan.ScanMetrics m = metrics();
    return w.item(
        "files",
        m.filesToRead()
            + " of "
            + m.filesInSnapshot()
            + " ("
            + m.prunedByPartition()
            + " pruned by partition, "
            + m.skippedByStats()
            + " skipped by statistics)");
  }

  /**
   * The rows of the files left after pruning and skipping (the log's {@code numRecords}), times
   * Calcite's guess of the pushed filter's selectivity; one out of a count. Join order and the
   * build side of hash joins follow from it.
   */
  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    if (countName != null) {
      return 1;
    }
    double rows = Math.max(1, planRows());
    RexNode residual = filterBeyondPartitions();
    return residual == null ? rows : Math.max(1, rows * RelMdUtil.guessSelectivity(residual));
  }

  /**
   * The conjuncts of the pushed filter on data columns: those on partition columns only pruned
   * files.
   */
  private RexNode filterBeyondPartitions() {
    if (filterRex == null) {
      return null;
    }
    List<String> partitions = deltaTable.snapshot().partitionColumns();
    List<String> names = table.getRowType().getFieldNames();
    List<RexNode> residual = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(filterRex)) {
      if (!RelOptUtil.InputFinder.bits(c).asList().stream()
          .allMatch(i -> partitions.contains(names.get(i)))) {
        residual.add(c);
      }
    }
    return residual.isEmpty()
        ? null
        : RexUtil.composeConjunction(getCluster().getRexBuilder(), residual);
  }

  /**
   * Reading costs the rows of the files read, less with a filter or fewer columns, least for a
   * count.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = Math.max(1, planRows());
    double factor = 1.0;
    if (filter != null) {
      factor *= 0.5;
    }
    if (parameterFilter != null) {
      factor *= 0.5; // each execution prunes and skips by its parameters' values
    }
    if (projects != null) {
      factor *= (0.2 + 0.8 * projects.length / Math.max(1, table.getRowType().getFieldCount()));
    }
    if (countName != null) {
      factor *= 0.01;
    }
    return planner.getCostFactory().makeCost(rows, rows + 1, 0).multiplyBy(factor);
  }
}
