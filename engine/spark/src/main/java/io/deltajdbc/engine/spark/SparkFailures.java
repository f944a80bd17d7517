package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import java.util.function.Supplier;
import org.apache.spark.sql.AnalysisException;

/**
 * Turns what goes wrong on Spark into the engine's errors: an engine error raised in a task (a NOT
 * NULL or CHECK violation, a value that does not fit) reaches the driver wrapped in Spark's job
 * failure and is rethrown as it was; an expression Spark cannot analyze is the caller's error; any
 * other failure is an execution failure that committed nothing.
 */
final class SparkFailures {
  private SparkFailures() {}

  /**
   * Analyzes an expression (parses and resolves it) and maps Spark's refusal to the engine's error.
   */
  static <T> T analyze(String tablePath, String what, String expression, Supplier<T> analysis) {
    try {
      return analysis.get();
    } catch (RuntimeException e) {
      throw translate(e, tablePath, -1, what, expression);
    } catch (Exception e) { // Spark's AnalysisException is checked for Java, yet thrown undeclared
      throw translate(e, tablePath, -1, what, expression);
    }
  }

  static DeltaException translate(Throwable e, String tablePath, long version, String statement) {
    return translate(e, tablePath, version, statement, null);
  }

  private static DeltaException translate(
      Throwable e, String tablePath, long version, String what, String expression) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DeltaException d) {
        return d;
      }
    }
    if (e instanceof AnalysisException a) {
      return DeltaErrors.invalidDmlExpression(
          tablePath, what, expression == null ? "?" : expression, a.getSimpleMessage(), e);
    }
    return DeltaErrors.executionFailed(tablePath, version, what, e);
  }
}
