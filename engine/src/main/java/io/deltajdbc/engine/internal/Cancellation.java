package io.deltajdbc.engine.internal;

import io.deltajdbc.engine.DeltaErrors;

/**
 * Cooperative cancellation of the engine's long loops (scans, log replay). A JDBC driver cancels a
 * statement, or ends it at its query timeout, by interrupting the thread that runs it; CPU-bound
 * loops never notice an interrupt by themselves, so they call {@link #check} every so often.
 */
public final class Cancellation {
  private Cancellation() {}

  /**
   * Throws {@code STATEMENT_CANCELED} when the current thread was interrupted, and clears the
   * interrupt: it is reported by the exception, and closing files on the way out must not fail on
   * it.
   */
  public static void check(String what, String tablePath) {
    if (Thread.interrupted()) {
      throw DeltaErrors.canceled(what, tablePath);
    }
  }
}
