package io.deltajdbc.calcite.internal.join;

import java.util.List;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Calcite's standard planning (sub-queries, decorrelation, measures, field trimming, the cost-based
 * planner, then calcs: the steps of {@code Programs.standard}), with the order of multi-way joins
 * chosen by heuristics instead of exhaustive search. A condition over joined tables that is an OR
 * first gains, for each table, the OR of what each branch says about it alone, which the scan then
 * filters by (TPC-H Q7's two nations, Q19's brands and quantities): Spark infers the same. With
 * Calcite's rules alone a query of six tables (TPC-H Q7) spent 24 s in the planner trying every
 * association and commutation; here, a query of {@value #HEURISTIC_JOINS} joins or more has its
 * joins gathered into one {@code MultiJoin} (after its filters are pushed into them and ORs
 * factored) and ordered by {@code LoptOptimizeJoinRule} from the tables' row counts and the
 * conditions' selectivities; the cost-based planner then only decides each join's sides (the build
 * side of a hash join, see {@link HashJoinCost}; outer joins included).
 */
public final class JoinPrograms {
  /** Queries with this many joins or more are ordered by heuristics. */
  static final int HEURISTIC_JOINS = 3;

  private JoinPrograms() {}

  /** The program of a statement, with {@code metadata} as its metadata provider. */
  public static Program standard(RelMetadataProvider metadata) {
    return Programs.sequence(
        Programs.subQuery(metadata),
        JoinPrograms::decorrelate,
        Programs.measure(metadata),
        JoinPrograms::trim,
        joinOrder(metadata),
        JoinPrograms::costBased,
        Programs.calc(metadata));
  }

  /** Correlated sub-queries as joins, when the connection asks for it (Calcite's default). */
  private static RelNode decorrelate(
      RelOptPlanner planner,
      RelNode rel,
      RelTraitSet traits,
      List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    CalciteConnectionConfig config =
        planner
            .getContext()
            .maybeUnwrap(CalciteConnectionConfig.class)
            .orElse(CalciteConnectionConfig.DEFAULT);
    return config.forceDecorrelate()
        ? RelDecorrelator.decorrelateQuery(
            rel, RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null))
        : rel;
  }

  /** Only the columns a plan uses flow through it. */
  private static RelNode trim(
      RelOptPlanner planner,
      RelNode rel,
      RelTraitSet traits,
      List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    return new RelFieldTrimmer(null, RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null))
        .trim(rel);
  }

  private static Program joinOrder(RelMetadataProvider metadata) {
    HepProgram gather =
        new HepProgramBuilder()
            .addRuleInstance(CommonFactorRule.FILTER)
            .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
            .addRuleInstance(CoreRules.JOIN_CONDITION_PUSH)
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
            .addRuleInstance(CoreRules.PROJECT_MULTI_JOIN_MERGE)
            .addRuleInstance(CoreRules.FILTER_MULTI_JOIN_MERGE)
            .build();
    Program gathering = Programs.of(gather, false, metadata);
    // alone and once, as Calcite asks: per table, the OR of what each branch says about it
    HepProgram disjunctions =
        new HepProgramBuilder()
            .addRuleInstance(CoreRules.EXPAND_FILTER_DISJUNCTION_GLOBAL)
            .addRuleInstance(CoreRules.EXPAND_JOIN_DISJUNCTION_GLOBAL)
            .build();
    Program expanding = Programs.of(disjunctions, false, metadata);
    return (planner, planned, traits, materializations, lattices) -> {
      int joins = RelOptUtil.countJoins(planned);
      RelNode rel =
          joins == 0
              ? planned
              : expanding.run(planner, planned, traits, materializations, lattices);
      if (joins < HEURISTIC_JOINS) {
        return rel;
      }
      planner.removeRule(CoreRules.JOIN_ASSOCIATE);
      planner.removeRule(JoinPushThroughJoinRule.LEFT);
      planner.removeRule(JoinPushThroughJoinRule.RIGHT);
      planner.addRule(CoreRules.MULTI_JOIN_OPTIMIZE);
      return gathering.run(planner, rel, traits, materializations, lattices);
    };
  }

  /** The cost-based planner on the plan as it is, to the traits the statement needs. */
  private static RelNode costBased(
      RelOptPlanner planner,
      RelNode rel,
      RelTraitSet traits,
      List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    materializations.forEach(planner::addMaterialization);
    lattices.forEach(planner::addLattice);
    // outer joins too may swap sides, so that a hash join builds the smaller input and a LEFT join
    // of 150k customers to 1.5M orders (TPC-H Q13) runs as a RIGHT join that builds the customers
    planner.addRule(CoreRules.JOIN_COMMUTE_OUTER);
    planner.setRoot(rel);
    if (!rel.getTraitSet().equals(traits)) {
      planner.setRoot(planner.changeTraits(rel, traits));
    }
    return planner.chooseDelegate().findBestExp();
  }
}
