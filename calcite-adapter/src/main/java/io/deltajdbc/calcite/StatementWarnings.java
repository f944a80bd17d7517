package io.deltajdbc.calcite;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings a statement's execution has for its user, collected on the executing thread: a statement
 * runs on the thread that called {@code execute}, and Calcite gives it no other way back to the
 * JDBC {@code Statement}. The driver clears them before an execution and turns what is there
 * afterwards into the statement's {@code SQLWarning} chain.
 */
public final class StatementWarnings {
  private static final ThreadLocal<List<String>> PENDING = ThreadLocal.withInitial(ArrayList::new);

  private StatementWarnings() {}

  /** Records a warning for the statement executing on this thread. */
  public static void add(String message) {
    PENDING.get().add(message);
  }

  /** The warnings recorded on this thread since the last call, which are forgotten. */
  public static List<String> drain() {
    List<String> out = List.copyOf(PENDING.get());
    PENDING.remove();
    return out;
  }
}
