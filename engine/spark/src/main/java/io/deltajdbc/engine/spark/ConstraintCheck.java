package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.files.TableFiles;
import io.deltajdbc.engine.types.StructType;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * CHECK constraints on rows about to be inserted, evaluated on Spark once they passed the guard;
 * the first violation fails.
 */
final class ConstraintCheck {
  private ConstraintCheck() {}

  static void check(SparkSession spark, TableFiles table, StructType schema, List<Row> rows) {
    Map<String, String> constraints = Constraints.checked(spark, table);
    Dataset<org.apache.spark.sql.Row> data = SparkRows.of(spark, schema, rows, table.tablePath());
    for (Map.Entry<String, String> c : constraints.entrySet()) {
      String expr = c.getValue();
      Dataset<org.apache.spark.sql.Row> bad =
          SparkFailures.analyze(
              table.tablePath(),
              "CHECK constraint " + c.getKey(),
              expr,
              () -> data.filter("NOT coalesce((" + expr + "), false)"));
      List<org.apache.spark.sql.Row> first = bad.limit(1).collectAsList();
      if (!first.isEmpty()) {
        throw DeltaErrors.checkConstraintViolation(
            table.tablePath(), c.getKey(), expr, SparkValues.describe(first.get(0), schema));
      }
    }
  }
}
