package io.deltajdbc.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.util.HashMap;
import java.util.Map;

/**
 * A connection's transaction contract: it is always in auto-commit mode, because every statement is
 * its own atomic Delta commit (a batch is one commit per table). {@code commit()} has nothing to do
 * and returns; {@code rollback()} has nothing to undo and returns, leaving a warning on the
 * connection that says so (pools and DB-API bridges call both after every statement); {@code
 * setAutoCommit(false)} and savepoints fail with 0A000. A statement reads one snapshot of each
 * table, which gives it what READ UNCOMMITTED to REPEATABLE READ promise: those levels (and NONE,
 * the default) can be set and are reported back; SERIALIZABLE is refused, Delta's default for
 * concurrent writers being WriteSerializable. {@code setReadOnly(true)} is kept and enforced: a
 * statement that writes then fails with 25006. There are no catalogs: {@code setCatalog} is
 * ignored, as JDBC says a driver without catalogs does, and {@code getCatalog} is null; the type
 * map is empty, there being no user-defined types.
 */
final class AutoCommitConnection {
  /** What {@link #invoke} returns for a method it leaves to Calcite's connection. */
  static final Object NOT_MINE = new Object();

  private volatile int isolation = Connection.TRANSACTION_NONE;
  private volatile boolean readOnly;
  private SQLWarning warnings;

  /** Whether the database supports {@code level}, as {@code DatabaseMetaData} answers it. */
  static boolean supportsIsolation(int level) {
    return switch (level) {
      case Connection.TRANSACTION_NONE,
          Connection.TRANSACTION_READ_UNCOMMITTED,
          Connection.TRANSACTION_READ_COMMITTED,
          Connection.TRANSACTION_REPEATABLE_READ ->
          true;
      default -> false;
    };
  }

  boolean readOnly() {
    return readOnly;
  }

  /**
   * Answers a {@link Connection} method of the transaction contract, or returns {@link #NOT_MINE}.
   */
  synchronized Object invoke(String name, Object[] args) throws SQLException {
    switch (name) {
      case "getAutoCommit":
        return Boolean.TRUE;
      case "setAutoCommit":
        if (!((Boolean) args[0])) {
          throw new SQLFeatureNotSupportedException(
              "setAutoCommit(false) is not supported: every statement is its "
                  + "own Delta commit (auto-commit), and a batch (executeBatch) is one commit per table; there are no "
                  + "transactions over several statements.",
              "0A000");
        }
        return null;
      case "commit":
        return null; // every statement was committed when it ran
      case "rollback":
        if (args != null && args.length == 1) {
          throw savepoints("rollback(Savepoint)");
        }
        warn(
            "rollback() had nothing to roll back: the connection is in auto-commit mode, and every statement was "
                + "committed to Delta when it ran (an earlier version stays readable with VERSION AS OF).");
        return null;
      case "setSavepoint":
        throw savepoints("setSavepoint()");
      case "releaseSavepoint":
        throw savepoints("releaseSavepoint()");
      case "getTransactionIsolation":
        return isolation;
      case "setTransactionIsolation":
        setIsolation((Integer) args[0]);
        return null;
      case "isReadOnly":
        return readOnly;
      case "setReadOnly":
        readOnly = (Boolean) args[0];
        return null;
      case "getTypeMap":
        return new HashMap<
            String, Class<?>>(); // no user-defined types (SchemaCrawler asks for the map)
      case "setTypeMap":
        if (args[0] != null && !((Map<?, ?>) args[0]).isEmpty()) {
          throw new SQLFeatureNotSupportedException(
              "setTypeMap() is not supported: Delta tables have no "
                  + "user-defined SQL types to map.",
              "0A000");
        }
        return null;
      case "getCatalog":
        return null;
      case "setCatalog":
        return null;
      case "getWarnings":
        return warnings;
      case "clearWarnings":
        warnings = null;
        return NOT_MINE;
      default:
        return NOT_MINE;
    }
  }

  private void setIsolation(int level) throws SQLException {
    if (supportsIsolation(level)) {
      isolation = level;
      return;
    }
    if (level == Connection.TRANSACTION_SERIALIZABLE) {
      throw new SQLFeatureNotSupportedException(
          "Transaction isolation TRANSACTION_SERIALIZABLE is not supported: "
              + "every statement is its own Delta commit and reads one snapshot of each table (TRANSACTION_REPEATABLE_READ "
              + "at most); Delta checks concurrent writers with WriteSerializable isolation.",
          "0A000");
    }
    throw new SQLException(
        "Transaction isolation " + level + " is not a java.sql.Connection TRANSACTION_* level.",
        "22023");
  }

  private static SQLFeatureNotSupportedException savepoints(String call) {
    return new SQLFeatureNotSupportedException(
        call
            + " is not supported: there are no savepoints, since every "
            + "statement is its own Delta commit (auto-commit).",
        "0A000");
  }

  private void warn(String message) {
    SQLWarning w = new SQLWarning(message, "01000");
    if (warnings == null) {
      warnings = w;
    } else {
      warnings.setNextWarning(w);
    }
  }

  /** 25006 for a statement that would write on a connection set read-only. */
  static SQLException readOnlyViolation(String sql) {
    return new SQLException(
        "The connection is read-only (setReadOnly(true)) and this statement writes: "
            + ResourceErrors.abbreviate(sql)
            + ". Call setReadOnly(false) or use another connection.",
        "25006");
  }
}
