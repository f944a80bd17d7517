package io.deltajdbc.calcite.runtime;

import io.deltajdbc.calcite.time.Micros;
import io.deltajdbc.engine.DeltaErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * The sub-queries of a planned UPDATE or DELETE replaced by what they returned, as typed literals:
 * a scalar sub-query by its value (NULL without rows, an error with more than one), {@code x IN
 * (SELECT ...)} by the list of its values, and {@code EXISTS (SELECT ...)} by TRUE or FALSE. The
 * sub-queries ran before, as the planned statement's inputs, reading warehouse tables with our
 * reader. Which ones a statement may have is decided when it is planned ({@link #check}).
 */
public final class RexSubqueries {
  /** The most values an IN (SELECT ...) may bring into an expression. */
  static final int MAX_IN_VALUES = Subqueries.MAX_IN_VALUES;

  /** The rows of one sub-query: at most {@code maxRows} of its first column's values. */
  public interface Runner {
    Subqueries.Result run(RexSubQuery subquery, int maxRows);
  }

  private RexSubqueries() {}

  /**
   * Refuses a sub-query the statement cannot evaluate before it runs: one that refers to the
   * statement's rows, compares several columns, or is not a scalar, IN or EXISTS sub-query.
   */
  public static void check(RexSubQuery subquery, String table) {
    String why = null;
    if (!RelOptUtil.getVariablesUsed(subquery.rel).isEmpty()) {
      why = "it refers to the rows of the statement's table";
    } else if (subquery.getKind() == SqlKind.IN && subquery.getOperands().size() != 1) {
      why = "it compares " + subquery.getOperands().size() + " columns, not one";
    } else if (subquery.getKind() != SqlKind.SCALAR_QUERY
        && subquery.getKind() != SqlKind.IN
        && subquery.getKind() != SqlKind.EXISTS) {
      why = "only scalar, IN and EXISTS subqueries are evaluated first";
    }
    if (why != null) {
      throw DeltaErrors.correlatedSubquery(
          table, text(subquery.rel), new IllegalArgumentException(why));
    }
  }

  /** {@code e} with each sub-query replaced by the values {@code runner} gives for it. */
  public static RexNode substitute(RexBuilder b, RexNode e, Runner runner, String table) {
    return e.accept(
        new RexShuttle() {
          @Override
          public RexNode visitSubQuery(RexSubQuery sub) {
            switch (sub.getKind()) {
              case SCALAR_QUERY -> {
                Subqueries.Result r = runner.run(sub, 2);
                if (r.values().size() > 1) {
                  throw DeltaErrors.subqueryCardinality(table, r.text());
                }
                return literal(b, r.values().isEmpty() ? null : r.values().get(0), sub.getType());
              }
              case EXISTS -> {
                return b.makeLiteral(!runner.run(sub, 1).values().isEmpty());
              }
              case IN -> {
                // a long literal list (IN (1, 2, ...)) is planned as a sub-query of VALUES: no
                // limit
                boolean literalList = RelOptUtil.findAllTables(sub.rel).isEmpty();
                Subqueries.Result r =
                    runner.run(sub, literalList ? Integer.MAX_VALUE : MAX_IN_VALUES + 1);
                if (!literalList && r.values().size() > MAX_IN_VALUES) {
                  throw DeltaErrors.subqueryTooLarge(table, r.text(), MAX_IN_VALUES);
                }
                return in(b, sub.getOperands().get(0).accept(this), r);
              }
              default ->
                  throw new IllegalStateException("an unchecked " + sub.getKind() + " subquery");
            }
          }
        });
  }

  /**
   * {@code left IN (values)}: FALSE for no values; with a NULL among them, the OR of equalities, so
   * that a row the list does not hold is UNKNOWN (and {@code NOT IN} does not select it).
   */
  private static RexNode in(RexBuilder b, RexNode left, Subqueries.Result r) {
    if (r.values().isEmpty()) {
      return b.makeLiteral(false);
    }
    RelDataType type = b.getTypeFactory().leastRestrictive(List.of(left.getType(), r.type()));
    if (type == null) {
      type = r.type();
    }
    RexNode key = b.makeCast(type, left, true, false);
    List<RexNode> values = new ArrayList<>();
    boolean anyNull = false;
    for (Object v : r.values()) {
      values.add(literal(b, v, type));
      anyNull |= v == null;
    }
    if (!anyNull) {
      return b.makeIn(key, values);
    }
    List<RexNode> equalities = new ArrayList<>();
    for (RexNode v : values) {
      equalities.add(b.makeCall(SqlStdOperatorTable.EQUALS, key, v));
    }
    return RexUtil.composeDisjunction(b, equalities);
  }

  /** A value of Calcite's runtime representation as a literal of {@code type}. */
  static RexNode literal(RexBuilder b, Object v, RelDataType type) {
    RelDataType nullable = b.getTypeFactory().createTypeWithNullability(type, true);
    if (v == null) {
      return b.makeNullLiteral(nullable);
    }
    SqlTypeName name = type.getSqlTypeName();
    RexLiteral lit;
    if (v instanceof Boolean x) {
      lit = b.makeLiteral(x);
    } else if (name == SqlTypeName.DATE && v instanceof Number n) {
      lit = b.makeDateLiteral(DateString.fromDaysSinceEpoch(n.intValue()));
    } else if (name == SqlTypeName.TIMESTAMP && v instanceof Number n) {
      lit = b.makeTimestampLiteral(Micros.timestampString(n.longValue()), 6);
    } else if (SqlTypeName.DATETIME_TYPES.contains(name) && v instanceof Number n) {
      lit = b.makeTimestampLiteral(TimestampString.fromMillisSinceEpoch(n.longValue()), 3);
    } else if (v instanceof Float || v instanceof Double) {
      double d = ((Number) v).doubleValue();
      lit =
          Double.isFinite(d)
              ? b.makeApproxLiteral(BigDecimal.valueOf(d))
              : b.makeLiteral(Double.toString(d));
    } else if (v instanceof Number n) {
      lit = b.makeExactLiteral(new BigDecimal(n.toString()));
    } else if (v instanceof ByteString s) {
      lit = b.makeBinaryLiteral(s);
    } else if (v instanceof String s) {
      lit = b.makeLiteral(s);
    } else {
      throw DeltaErrors.invalidArgument(
          "A subquery of type "
              + type.getFullTypeString()
              + " cannot be used in UPDATE, DELETE or MERGE; use MERGE with the subquery as its source.");
    }
    return b.makeAbstractCast(nullable, lit, false);
  }

  /** A sub-query as SQL, for messages. */
  static String text(RelNode rel) {
    try {
      return new RelToSqlConverter(CalciteSqlDialect.DEFAULT)
          .visitRoot(rel)
          .asStatement()
          .toSqlString(CalciteSqlDialect.DEFAULT)
          .getSql()
          .replaceAll("\\s+", " ");
    } catch (RuntimeException e) {
      return RelOptUtil.toString(rel).replaceAll("\\s+", " ").strip();
    }
  }
}
