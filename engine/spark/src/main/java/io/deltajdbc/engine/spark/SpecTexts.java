package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.dml.DeleteSpec;
import io.deltajdbc.engine.dml.MergeClause;
import io.deltajdbc.engine.dml.MergeClause.MatchedUpdate;
import io.deltajdbc.engine.dml.MergeClause.NotMatchedInsert;
import io.deltajdbc.engine.dml.MergeSpec;
import io.deltajdbc.engine.dml.UpdateSpec;
import java.util.Map;

/**
 * Every Spark SQL text of a DML statement, through the guard, before the statement runs: the
 * conditions, the assignments and the values of each MERGE clause. The first refused text fails the
 * statement, which has then read and committed nothing.
 */
final class SpecTexts {
  private SpecTexts() {}

  static void check(SparkSqlGuard guard, String tablePath, DeleteSpec spec) {
    guard.check(tablePath, "DELETE condition", spec.condition());
  }

  static void check(SparkSqlGuard guard, String tablePath, UpdateSpec spec) {
    guard.check(tablePath, "UPDATE condition", spec.condition());
    assignments(guard, tablePath, "UPDATE", spec.assignments());
  }

  static void check(SparkSqlGuard guard, String tablePath, MergeSpec spec) {
    guard.check(tablePath, "MERGE condition", spec.onCondition());
    for (MergeClause c : spec.clauses()) {
      String kind = c instanceof NotMatchedInsert ? "WHEN NOT MATCHED" : "WHEN MATCHED";
      guard.check(tablePath, kind + " condition", c.condition());
      if (c instanceof MatchedUpdate u) {
        assignments(guard, tablePath, "MERGE", u.assignments());
      } else if (c instanceof NotMatchedInsert i) {
        assignments(guard, tablePath, "MERGE INSERT", i.values());
      }
    }
  }

  private static void assignments(
      SparkSqlGuard guard, String tablePath, String statement, Map<String, String> assignments) {
    assignments.forEach(
        (column, text) -> guard.check(tablePath, statement + " value for column " + column, text));
  }
}
