package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.files.TableFiles;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * A table's CHECK constraints: {@code delta.constraints.<name>} properties, name to Spark SQL
 * boolean expression.
 */
final class Constraints {
  private static final String PREFIX = "delta.constraints.";

  private Constraints() {}

  static Map<String, String> of(Metadata metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    metadata
        .configuration()
        .forEach(
            (k, v) -> {
              if (k.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                out.put(k.substring(PREFIX.length()), v);
              }
            });
    return out;
  }

  /**
   * The constraints, each having passed the {@link SparkSqlGuard}: a table written by another tool
   * (or by the engine's API) may carry any text in its properties, and Spark evaluates it on every
   * write, so one that calls a function off the allow-list refuses the write, naming table and
   * constraint.
   */
  static Map<String, String> checked(SparkSession spark, TableFiles table) {
    Map<String, String> constraints = of(table.metadata());
    SparkSqlGuard guard = new SparkSqlGuard(spark, Set.of());
    constraints.forEach(
        (name, text) -> guard.check(table.tablePath(), "CHECK constraint " + name, text));
    return constraints;
  }
}
