package io.deltajdbc.calcite.runtime;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.dml.DeleteSpec;
import io.deltajdbc.engine.dml.DmlExecutor;
import io.deltajdbc.engine.dml.DmlFunction;
import io.deltajdbc.engine.dml.UpdateSpec;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.rel2sql.SqlImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The runtime of UPDATE and DELETE: the generated code of the planned statement hands its {@link
 * RowChange} and the rows of its sub-queries to {@link #execute}, which puts the sub-queries'
 * values into the expressions, turns them into the functions the engine's DML executor (Spark)
 * calls on each row, and runs the statement there: one Delta commit, or none when it fails. The
 * condition's pushable part becomes the engine predicate that prunes partitions and skips files.
 */
public final class RowChanges {
  private RowChanges() {}

  /** Called by generated code: runs the statement once, returns the number of rows it changed. */
  public static Enumerable<Long> execute(
      RowChange change, DataContext dc, Enumerable<?>[] subqueries) {
    return Linq4j.singletonEnumerable(run(change, dc, subqueries));
  }

  private static long run(RowChange change, DataContext dc, Enumerable<?>[] subqueries) {
    requireUnchanged(change);
    DmlExecutor executor = DmlBackend.executor(change.table().conf());
    if (change.kind() == RowChange.Kind.DELETE && change.condition() == null) {
      return executor.delete(change.table().table(), new DeleteSpec(null, null)).rowsAffected();
    }
    RexSubqueries.Runner runner = runner(change, subqueries);
    List<RexNode> expressions = new ArrayList<>();
    for (RexNode e : change.expressions()) {
      expressions.add(RexSubqueries.substitute(change.rexBuilder(), e, runner, change.qualified()));
    }
    DmlPlanner.Planned planned =
        new DmlPlanner.Planned(
            expressions,
            change.rowType(),
            change.rexBuilder(),
            change.typeFactory(),
            change.conformance());
    List<DmlFunction.Input> inputs = new ArrayList<>();
    for (StructField f : change.schema().fields()) {
      inputs.add(new DmlFunction.Input(null, f.name(), f.type()));
    }
    StatementExpressions e =
        new StatementExpressions(
            planned,
            inputs,
            StatementExpressions.context(dc, change.parameters()),
            change.qualified());
    StructType schema = change.schema();
    List<DmlFunction> functions = new ArrayList<>();
    Map<String, String> assignments = new LinkedHashMap<>();
    for (int i = 0; i < change.columns().size(); i++) {
      String column = change.columns().get(i);
      DmlFunction f =
          e.value(
              i,
              schema.get(column).orElseThrow().type(),
              "value for column " + column,
              text(expressions.get(i), change.rowType()));
      functions.add(f);
      assignments.put(column, f.call());
    }
    String condition = null;
    Predicate pruning = null;
    if (change.condition() != null) {
      int c = change.columns().size();
      DmlFunction cond =
          e.condition(c, change.kind() + " condition", text(expressions.get(c), change.rowType()));
      functions.add(cond);
      condition = cond.call();
      pruning =
          e.pruning(
              c, schema.fieldNames(), schema.fields().stream().map(StructField::type).toList());
    }
    if (change.kind() == RowChange.Kind.DELETE) {
      return executor
          .delete(change.table().table(), new DeleteSpec(pruning, condition, functions))
          .rowsAffected();
    }
    return executor
        .update(change.table().table(), new UpdateSpec(pruning, condition, assignments, functions))
        .rowsAffected();
  }

  /**
   * Refuses to run a statement planned for columns the table no longer has as they were (another
   * statement changed its schema since this one was prepared).
   */
  private static void requireUnchanged(RowChange change) {
    StructType now = change.table().table().latestInfo().schema();
    for (StructField f : change.schema().fields()) {
      if (now.get(f.name()).filter(g -> g.type().equals(f.type())).isEmpty()) {
        throw DeltaErrors.invalidArgument(
            "Table "
                + change.qualified()
                + " changed since this "
                + change.kind()
                + " was prepared: column "
                + f.name()
                + " is no longer of type "
                + f.type()
                + ". Prepare the statement again. Nothing was committed.");
      }
    }
  }

  /** The sub-queries' rows, each read once per execution. */
  private static RexSubqueries.Runner runner(RowChange change, Enumerable<?>[] subqueries) {
    Map<Integer, Subqueries.Result> read = new HashMap<>();
    return (sub, maxRows) -> {
      int i = change.subqueries().indexOf(sub);
      return read.computeIfAbsent(
          i,
          k -> {
            List<Object> values = new ArrayList<>();
            Iterator<?> rows = subqueries[k].iterator();
            while (rows.hasNext() && values.size() < maxRows) {
              Object r = rows.next();
              values.add(r instanceof Object[] a ? a[0] : r);
            }
            RelDataType type = sub.rel.getRowType().getFieldList().get(0).getType();
            return new Subqueries.Result(values, type, RexSubqueries.text(sub.rel));
          });
    };
  }

  /** The SQL of a planned expression, for messages and the commit's operation parameters. */
  static String text(RexNode e, RelDataType rowType) {
    try {
      SqlImplementor.SimpleContext context =
          new SqlImplementor.SimpleContext(
              CalciteSqlDialect.DEFAULT,
              i -> new SqlIdentifier(rowType.getFieldList().get(i).getName(), SqlParserPos.ZERO));
      return context.toSql(null, e).toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    } catch (RuntimeException failed) {
      return e.toString();
    }
  }
}
