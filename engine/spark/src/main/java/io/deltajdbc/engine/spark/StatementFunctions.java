package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.dml.DmlFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;

/**
 * The caller's functions of one statement, registered in the session's function registry under
 * their unique names while the statement runs and dropped when it ends, so that no other statement
 * (nor any text) can call them afterwards.
 */
final class StatementFunctions implements AutoCloseable {
  private final SparkSession spark;
  private final List<String> names = new ArrayList<>();

  private StatementFunctions(SparkSession spark) {
    this.spark = spark;
  }

  static StatementFunctions register(
      SparkSession spark, List<DmlFunction> functions, String tablePath) {
    StatementFunctions registered = new StatementFunctions(spark);
    try {
      for (DmlFunction f : functions) {
        spark
            .udf()
            .register(
                f.name(),
                new FunctionUdf(f),
                SparkValues.type(f.resultType(), f.name(), tablePath));
        registered.names.add(f.name());
      }
    } catch (RuntimeException e) {
      registered.close();
      throw e;
    }
    return registered;
  }

  /** The names the statement's texts may call. */
  static Set<String> names(List<DmlFunction> functions) {
    return functions.stream().map(DmlFunction::name).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void close() {
    for (String name : names) {
      spark.sessionState().functionRegistry().dropFunction(FunctionIdentifier.apply(name));
    }
    names.clear();
  }
}
