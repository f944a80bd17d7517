package io.deltajdbc.engine.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Makes the DML session the thread's active SparkSession for the length of a statement, and puts
 * back what was there before. Spark code that takes "the active session" for parsing or settings
 * ({@code functions.expr}, {@code SQLConf.get}) then uses the closed session's, not whichever
 * session the application made active, nor Spark's defaults (which substitute variables).
 */
final class ActiveSession {
  private ActiveSession() {}

  /** Activates {@code spark}; returns the session that was active, or null. */
  static SparkSession enter(SparkSession spark) {
    SparkSession previous =
        SparkSession.getActiveSession().isDefined() ? SparkSession.getActiveSession().get() : null;
    SparkSession.setActiveSession(spark);
    return previous;
  }

  static void leave(SparkSession previous) {
    if (previous == null) {
      SparkSession.clearActiveSession();
    } else {
      SparkSession.setActiveSession(previous);
    }
  }
}
