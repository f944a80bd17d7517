package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.types.DataType;
import org.apache.spark.sql.Dataset;

/**
 * Fits a value expression to the column it is stored in, as Delta's ANSI store assignment does: an
 * expression of another type is cast; a value the cast cannot carry (a string that is no number, an
 * overflow) fails the statement naming table and column, instead of becoming NULL or wrapping. The
 * cast is Spark's {@code try_cast}; a second expression yields the offending value as text when,
 * and only when, it failed, and the write task turns that into the error.
 *
 * @param value SQL of the value, of the column's type
 * @param bad SQL of the failed value as a string (NULL when it fits), or null when no cast is
 *     needed
 */
record StoreAssignment(String value, String bad) {

  static StoreAssignment fit(
      Dataset<org.apache.spark.sql.Row> context,
      String expression,
      String column,
      DataType columnType,
      String tablePath) {
    org.apache.spark.sql.types.DataType target = SparkValues.type(columnType, column, tablePath);
    org.apache.spark.sql.types.DataType actual =
        SparkFailures.analyze(
            tablePath,
            "value for column " + column,
            expression,
            () -> context.selectExpr(expression).schema().fields()[0].dataType());
    String e = "(" + expression + ")";
    if (actual.catalogString().equals(target.catalogString())) {
      return new StoreAssignment(e, null);
    }
    String cast = "try_cast(" + e + " AS " + target.sql() + ")";
    try {
      context.selectExpr(cast);
    } catch (RuntimeException ex) {
      throw DeltaErrors.valueDoesNotFit(
          tablePath,
          column,
          "of expression " + expression + " (type " + actual.simpleString() + ")",
          columnType);
    }
    return new StoreAssignment(
        cast,
        "CASE WHEN "
            + e
            + " IS NOT NULL AND "
            + cast
            + " IS NULL THEN CAST("
            + e
            + " AS STRING) END");
  }

  /** The column itself, unchanged. */
  static StoreAssignment same(String column) {
    return new StoreAssignment(quote(column), null);
  }

  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
