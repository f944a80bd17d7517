package io.deltajdbc.engine.spark;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.dml.DeleteSpec;
import io.deltajdbc.engine.dml.DmlExecutor;
import io.deltajdbc.engine.dml.DmlFunction;
import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.dml.MergeSpec;
import io.deltajdbc.engine.dml.UpdateSpec;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.engine.utilities.OptimizeRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * DML on Apache Spark. Created by {@link SparkDmlExecutorProvider}, which {@link
 * io.deltajdbc.engine.dml.DmlExecutors#spark} finds; the shared SparkSession starts on the first
 * statement. Each statement runs in its own engine transaction; any failure, on the driver or in a
 * task, commits nothing. Every Spark SQL text of a statement passes the {@link SparkSqlGuard}
 * before anything runs, and the table's CHECK constraints pass it before they are evaluated ({@link
 * Constraints#checked}). While a statement runs, the closed DML session is the thread's active one:
 * Spark code that parses with "the active session" ({@code functions.expr}) then reads with the
 * same closed settings as the guard.
 */
public final class SparkDmlExecutor implements DmlExecutor {
  private final Map<String, String> sparkConf;

  public SparkDmlExecutor(Map<String, String> sparkConf) {
    this.sparkConf = Map.copyOf(new LinkedHashMap<>(requireNonNull(sparkConf, "sparkConf")));
  }

  @Override
  public DmlResult delete(DeltaTable table, DeleteSpec spec) {
    requireNonNull(spec, "spec");
    return run(
        table,
        "DELETE",
        spec.functions(),
        guard -> SpecTexts.check(guard, table.path(), spec),
        ctx -> new DeleteCommand(ctx, spec).run());
  }

  @Override
  public DmlResult update(DeltaTable table, UpdateSpec spec) {
    requireNonNull(spec, "spec");
    return run(
        table,
        "UPDATE",
        spec.functions(),
        guard -> SpecTexts.check(guard, table.path(), spec),
        ctx -> new UpdateCommand(ctx, spec).run());
  }

  @Override
  public DmlResult merge(DeltaTable table, MergeSpec spec) {
    requireNonNull(spec, "spec");
    return run(
        table,
        "MERGE",
        spec.functions(),
        guard -> SpecTexts.check(guard, table.path(), spec),
        ctx -> new MergeCommand(ctx, spec).run());
  }

  @Override
  public void checkConstraints(Snapshot snapshot, StructType schema, List<Row> rows) {
    requireNonNull(snapshot, "snapshot");
    if (Constraints.of(snapshot.metadata()).isEmpty() || rows.isEmpty()) {
      return;
    }
    SparkSession spark = session();
    SparkSession previous = ActiveSession.enter(spark);
    try {
      ConstraintCheck.check(spark, snapshot.tableFiles(), schema, rows);
    } catch (DeltaException e) {
      throw e;
    } catch (
        Exception e) { // Spark's own exceptions (SparkException) are checked ones thrown undeclared
      throw SparkFailures.translate(
          e, snapshot.tablePath(), snapshot.version(), "Checking constraints");
    } finally {
      ActiveSession.leave(previous);
    }
  }

  private DmlResult run(
      DeltaTable table,
      String statement,
      List<DmlFunction> functions,
      Consumer<SparkSqlGuard> texts,
      Function<DmlContext, DmlResult> command) {
    requireNonNull(table, "table");
    SparkSession spark = session();
    // The texts may call the statement's own functions, and nothing else the allow-list does not
    // name.
    texts.accept(new SparkSqlGuard(spark, StatementFunctions.names(functions)));
    SparkSession previous = ActiveSession.enter(spark);
    try {
      DmlContext ctx = DmlContext.start(spark, table);
      ctx.functions(functions);
      try (StatementFunctions registered =
          StatementFunctions.register(spark, functions, ctx.tablePath)) {
        return command.apply(ctx);
      } catch (DeltaException e) {
        throw e;
      } catch (
          Exception
              e) { // Spark's own exceptions (SparkException) are checked ones thrown undeclared
        throw SparkFailures.translate(e, ctx.tablePath, ctx.version(), statement);
      }
    } finally {
      ActiveSession.leave(previous);
    }
  }

  @Override
  public OptimizeRunner optimizer() {
    return new SparkOptimizeRunner(session());
  }

  private SparkSession session() {
    return SharedSparkSession.get(sparkConf);
  }
}
