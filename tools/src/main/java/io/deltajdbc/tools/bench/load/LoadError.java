package io.deltajdbc.tools.bench.load;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.txn.ConcurrentModificationException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Locale;

/**
 * A kind of failure: the operation, the SQLState ({@code ""} when the exception had none) and the
 * exception's class.
 */
public record LoadError(Operation operation, String sqlState, String exceptionClass) {
  public LoadError {
    requireNonNull(operation, "operation");
    requireNonNull(sqlState, "sqlState");
    requireNonNull(exceptionClass, "exceptionClass");
  }

  static LoadError of(Operation op, Throwable t) {
    String state = t instanceof SQLException s && s.getSQLState() != null ? s.getSQLState() : "";
    return new LoadError(op, state, t.getClass().getName());
  }

  /**
   * Whether {@code t} is the conflict concurrent INSERTs may expect: SQLState class 40 (transaction
   * rollback), or a Delta {@code ConcurrentAppendException} or other concurrent modification named
   * anywhere in the cause chain (a remote driver may carry only the message). Not {@code
   * java.util.ConcurrentModificationException}: that is a bug, never an expected conflict.
   */
  static boolean isConflict(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLTransactionRollbackException) {
        return true;
      }
      if (c instanceof SQLException s
          && s.getSQLState() != null
          && s.getSQLState().startsWith("40")) {
        return true;
      }
      String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
      if (c instanceof ConcurrentModificationException
          || m.contains("concurrentappendexception")
          || m.contains("concurrent modification")
          || m.contains("concurrent append")
          || m.contains("by the concurrent commit of version")) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }
}
