package io.deltajdbc.calcite.runtime;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.calcite.internal.DeltaTypes;
import io.deltajdbc.calcite.internal.PredicateTranslator;
import io.deltajdbc.calcite.time.Micros;
import io.deltajdbc.calcite.time.MicrosPlans;
import io.deltajdbc.calcite.time.MicrosRex;
import io.deltajdbc.engine.dml.DmlFunction;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A DML statement's planned expressions ({@link DmlPlanner}) as what the engine's executor takes:
 * each one a {@link DmlFunction} running Calcite's code for it, called from the executor's Spark
 * SQL by its generated name, so that no text of the statement reaches Spark; the condition's
 * pushable part as the engine predicate that prunes files; for MERGE, the column equalities Spark
 * may join on.
 *
 * @param planned the expressions and the row they read
 * @param inputs for each field of that row, the column the executor gives it as
 * @param context the statement's parameters and time values, as its data context holds them
 * @param table the target table, for messages
 */
public record StatementExpressions(
    DmlPlanner.Planned planned,
    List<DmlFunction.Input> inputs,
    Map<String, Object> context,
    String table) {
  private static final List<DataContext.Variable> TIME_AND_SESSION =
      List.of(
          DataContext.Variable.CURRENT_TIMESTAMP,
          DataContext.Variable.LOCAL_TIMESTAMP,
          DataContext.Variable.UTC_TIMESTAMP,
          DataContext.Variable.TIME_ZONE,
          DataContext.Variable.LOCALE,
          DataContext.Variable.USER,
          DataContext.Variable.SYSTEM_USER);

  public StatementExpressions {
    requireNonNull(planned, "planned");
    inputs = List.copyOf(inputs);
    if (inputs.size() != planned.rowType().getFieldCount()) {
      throw new IllegalArgumentException(
          inputs.size() + " inputs for a row of " + planned.rowType().getFieldCount());
    }
  }

  /**
   * The values of a statement's data context its functions need, copied so they can travel to the
   * tasks.
   */
  public static Map<String, Object> context(DataContext dc, int parameters) {
    Map<String, Object> out = new HashMap<>();
    for (int i = 0; i < parameters; i++) {
      out.put("?" + i, dc.get("?" + i));
    }
    for (DataContext.Variable v : TIME_AND_SESSION) {
      Object x = dc.get(v.camelName);
      if (x instanceof Serializable) {
        out.put(v.camelName, x);
      }
    }
    return out;
  }

  public int size() {
    return planned.expressions().size();
  }

  /** The boolean expression {@code i} as a function. */
  public DmlFunction condition(int i, String what, String text) {
    return function(
        simplifier().simplifyUnknownAsFalse(planned.expressions().get(i)),
        PrimitiveType.BOOLEAN,
        what,
        text);
  }

  /** Expression {@code i} as a function whose value is stored in a column of {@code type}. */
  public DmlFunction value(int i, DataType type, String what, String text) {
    RexNode e = simplifier().simplifyPreservingType(planned.expressions().get(i));
    RelDataType target = DeltaTypes.type(planned.typeFactory(), type);
    if (!SqlTypeUtil.equalSansNullability(planned.typeFactory(), e.getType(), target)) {
      e =
          planned
              .rexBuilder()
              .makeCast(
                  planned.typeFactory().createTypeWithNullability(target, e.getType().isNullable()),
                  e);
    }
    return function(e, type, what, text);
  }

  /**
   * Simplifies as the query planner's reduce-expressions rules do, so that a DML expression is
   * evaluated in the shape a query's filter or projection of it would be (constant parts folded,
   * conditions normalised).
   */
  private RexSimplify simplifier() {
    return new RexSimplify(planned.rexBuilder(), RelOptPredicateList.EMPTY, MicrosPlans.executor());
  }

  /** The fields of the row expression {@code i} reads. */
  public ImmutableBitSet fields(int i) {
    return RelOptUtil.InputFinder.bits(planned.expressions().get(i));
  }

  private DmlFunction function(RexNode e, DataType type, String what, String text) {
    int[] positions = RelOptUtil.InputFinder.bits(e).toArray();
    List<DmlFunction.Input> args = new ArrayList<>();
    DataType[] types = new DataType[positions.length];
    for (int k = 0; k < positions.length; k++) {
      args.add(inputs.get(positions[k]));
      types[k] = inputs.get(positions[k]).type();
    }
    String source =
        RexSource.of(
            planned.rexBuilder(),
            planned.typeFactory(),
            MicrosRex.rewrite(planned.rexBuilder(), e),
            planned.rowType(),
            planned.conformance());
    CompiledFunction code =
        new CompiledFunction(
            source, inputs.size(), positions, types, type, context, table, what, text);
    return DmlFunction.of(text, args, type, code);
  }

  /**
   * The engine predicate implied by boolean expression {@code i} over the target's first {@code
   * columns} fields, with the bound parameters as literals where they are plain values: for pruning
   * partitions and skipping files. Null when nothing can be pushed.
   */
  public Predicate pruning(int i, List<String> names, List<DataType> types) {
    return pruning(planned.expressions().get(i), names, types);
  }

  /**
   * The engine predicate implied by the conjuncts of boolean expression {@code i} that read only
   * the first {@code names.size()} fields (MERGE's target, in its ON condition), as {@link
   * #pruning} makes it: every row of those fields that satisfies expression {@code i} satisfies it.
   * Null when there is no such conjunct or nothing of them can be pushed.
   */
  public Predicate leadingFieldsPruning(int i, List<String> names, List<DataType> types) {
    List<RexNode> leading = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(planned.expressions().get(i))) {
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(c);
      if (!used.isEmpty() && used.length() <= names.size()) {
        leading.add(c);
      }
    }
    return leading.isEmpty()
        ? null
        : pruning(RexUtil.composeConjunction(planned.rexBuilder(), leading), names, types);
  }

  private Predicate pruning(RexNode condition, List<String> names, List<DataType> types) {
    RexNode bound =
        condition.accept(
            new RexShuttle() {
              @Override
              public RexNode visitDynamicParam(RexDynamicParam p) {
                Object v = context.get("?" + p.getIndex());
                if (v instanceof Number n
                    && p.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP) {
                  return planned
                      .rexBuilder()
                      .makeLiteral(Micros.timestampString(n.longValue()), p.getType(), true);
                }
                if (v instanceof Number || v instanceof String || v instanceof Boolean) {
                  try {
                    Object value =
                        v instanceof Number n && !(v instanceof BigDecimal)
                            ? new BigDecimal(n.toString())
                            : v;
                    return planned.rexBuilder().makeLiteral(value, p.getType(), true);
                  } catch (RuntimeException e) {
                    return p;
                  }
                }
                return p;
              }
            });
    try {
      return new PredicateTranslator(names, types, planned.rexBuilder()).split(bound).pushed();
    } catch (RuntimeException e) {
      return null; // a condition the translator cannot read just prunes nothing
    }
  }

  /**
   * The conjuncts of boolean expression {@code i} that equate a column of the first {@code
   * targetFields} fields with a later one (MERGE's target and source), of one type whose equality
   * Spark decides exactly as Calcite does: as Spark SQL, for Spark to join on.
   */
  public List<String> equiJoinKeys(int i, int targetFields) {
    List<String> keys = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(planned.expressions().get(i))) {
      if (c.getKind() == SqlKind.EQUALS
          && c instanceof RexCall call
          && call.getOperands().get(0) instanceof RexInputRef a
          && call.getOperands().get(1) instanceof RexInputRef b
          && (a.getIndex() < targetFields) != (b.getIndex() < targetFields)
          && SqlTypeUtil.equalSansNullability(planned.typeFactory(), a.getType(), b.getType())
          && exactEquality(a.getType())) {
        keys.add(sql(inputs.get(a.getIndex())) + " = " + sql(inputs.get(b.getIndex())));
      }
    }
    return keys;
  }

  /**
   * Types whose values are equal in Spark exactly when they are in Calcite (no NaN, no time
   * precision).
   */
  private static boolean exactEquality(RelDataType t) {
    return SqlTypeUtil.isIntType(t)
        || SqlTypeUtil.isDecimal(t)
        || SqlTypeUtil.inCharFamily(t)
        || t.getFamily() == SqlTypeFamily.BOOLEAN
        || t.getFamily() == SqlTypeFamily.DATE;
  }

  private static String sql(DmlFunction.Input in) {
    return (in.qualifier() == null ? "" : quote(in.qualifier()) + ".") + quote(in.column());
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
