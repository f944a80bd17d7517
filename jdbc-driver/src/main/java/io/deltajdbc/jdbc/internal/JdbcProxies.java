package io.deltajdbc.jdbc.internal;

import io.deltajdbc.calcite.StatementWarnings;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Map;

/**
 * Thin proxies over Calcite's JDBC objects: every SQLException or runtime error leaves through
 * {@link JdbcErrors} with an SQLState, statements and result sets lead back to the proxies, and
 * {@link DatabaseMetaData} answers the questions Avatica's defaults get wrong for Delta. A
 * statement's warnings (what DROP TABLE left, see {@link StatementWarnings}) are its
 * {@code getWarnings()} chain until its next execution.
 */
public final class JdbcProxies {
  private JdbcProxies() {}

  public static Connection connection(Connection target, Map<String, Object> metaData) {
    return (Connection) wrap(target, Connection.class, new Handler(target, null, metaData, null));
  }

  private static Object wrap(Object target, Class<?> api, Handler handler) {
    return Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {api}, handler);
  }

  private static final class Handler implements InvocationHandler {
    private final Object target;
    private final Object connectionProxyOrNull;
    private final Map<String, Object> metaData;
    /** Cancel, timeout and resource errors of a statement and its result sets; null for other objects. */
    private final StatementGuard guard;
    private Object self;
    private TemporalResults temporal;
    private SQLWarning warnings;

    Handler(Object target, Object connectionProxy, Map<String, Object> metaData, StatementGuard guard) {
      this.target = target;
      this.connectionProxyOrNull = connectionProxy;
      this.metaData = metaData;
      this.guard = guard;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      self = proxy;
      String name = method.getName();
      if (target instanceof DatabaseMetaData && (args == null || args.length == 0) && metaData.containsKey(name)) {
        return metaData.get(name);
      }
      if (target instanceof DatabaseMetaData && name.equals("supportsTransactionIsolationLevel")) {
        return ((Integer) args[0]) == Connection.TRANSACTION_NONE;
      }
      if (name.equals("getConnection") && connectionProxyOrNull != null) {
        return connectionProxyOrNull;
      }
      if (target instanceof Connection && (name.equals("isReadOnly"))) {
        return Boolean.FALSE;
      }
      if (target instanceof Connection && name.equals("setAutoCommit") && !((Boolean) args[0])) {
        throw new java.sql.SQLFeatureNotSupportedException("Transactions over several statements are not supported: "
            + "each statement is one atomic Delta commit (auto-commit); a batch (executeBatch) is one commit.", "0A000");
      }
      if (target instanceof Connection && name.equals("getTransactionIsolation")) {
        return Connection.TRANSACTION_NONE;
      }
      if (guard != null && target instanceof Statement && name.equals("cancel")) {
        guard.cancel();
        return null;
      }
      boolean guarded = guard != null && begin(name, args);
      if (target instanceof Statement && name.equals("getWarnings")) {
        return warnings;
      }
      if (target instanceof Statement && name.equals("clearWarnings")) {
        warnings = null;
      }
      boolean executes = target instanceof Statement && name.startsWith("execute");
      if (executes) {
        warnings = null;
        StatementWarnings.drain();
      }
      Object result;
      try {
        if (target instanceof PreparedStatement ps && name.equals("setObject")
            && TemporalParameters.setObject(ps, args)) {
          return null;
        }
        if (target instanceof ResultSet rs && (name.equals("getObject") || name.equals("getString"))) {
          if (temporal == null) {
            temporal = new TemporalResults(rs);
          }
          Object value = temporal.get(name, args);
          if (value != TemporalResults.AVATICA) {
            return value;
          }
        }
        result = method.invoke(target, args);
        if (target instanceof ResultSet rs && name.equals("getString")) {
          result = DecimalStrings.plain(rs, args, result);
        }
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        SQLException resource = resourceFailure(cause, args);
        if (resource != null) {
          throw resource;
        }
        // Errors too (a StackOverflowError of a deep expression): the client sees an SQLState, and the
        // connection stays usable, the failed statement having changed nothing.
        if (cause instanceof java.sql.SQLException || cause instanceof RuntimeException || cause instanceof Error) {
          throw JdbcErrors.translate(cause);
        }
        throw cause;
      } finally {
        if (guarded) {
          guard.end();
        }
        if (executes) {
          for (String w : StatementWarnings.drain()) {
            SQLWarning next = new SQLWarning(w, "01000");
            if (warnings == null) {
              warnings = next;
            } else {
              warnings.setNextWarning(next);
            }
          }
        }
      }
      Object connectionProxy = target instanceof Connection ? proxy : connectionProxyOrNull;
      if (result instanceof CallableStatement || result instanceof PreparedStatement || result instanceof Statement
          || result instanceof ResultSet || result instanceof DatabaseMetaData) {
        Class<?> api = result instanceof CallableStatement ? CallableStatement.class
            : result instanceof PreparedStatement ? PreparedStatement.class
            : result instanceof Statement ? Statement.class
            : result instanceof ResultSet ? ResultSet.class : DatabaseMetaData.class;
        if (api == method.getReturnType() || method.getReturnType().isAssignableFrom(api)) {
          return wrap(result, api, new Handler(result, connectionProxy, metaData, guardOf(result, name, args)));
        }
      }
      return result;
    }

    /** Starts guarding an execution or a fetch; false for other methods. */
    private boolean begin(String name, Object[] args) throws SQLException {
      if (target instanceof Statement && name.startsWith("execute")) {
        guard.beginExecute(args != null && args.length > 0 && args[0] instanceof String sql ? sql : null,
            name.endsWith("Batch"));
        return true;
      }
      if (target instanceof ResultSet && name.equals("next")) {
        guard.beginFetch();
        return true;
      }
      return false;
    }

    /** 57014 for a canceled or timed-out statement, 53200 for one that ran out of memory; else null. */
    private SQLException resourceFailure(Throwable cause, Object[] args) {
      SQLException stopped = guard == null ? null : guard.stoppedFailure(cause);
      if (stopped != null) {
        return stopped;
      }
      String sql = guard != null ? guard.sql()
          : args != null && args.length > 0 && args[0] instanceof String text ? text : null;
      SQLException oom = ResourceErrors.outOfMemory(cause, sql);
      if (oom != null && target instanceof ResultSet rs) {
        try {
          rs.close(); // let go of the open data file and any rows still buffered
        } catch (SQLException | RuntimeException ignored) {
          // the error reported is the memory's
        }
      }
      return oom;
    }

    /** A new statement's guard; a statement's result set shares it; none for metadata. */
    private StatementGuard guardOf(Object result, String name, Object[] args) {
      if (result instanceof Statement st && target instanceof Connection) {
        return new StatementGuard(st, name.startsWith("prepare") && args != null && args[0] instanceof String sql
            ? sql : null);
      }
      boolean ownResult = result instanceof ResultSet && target instanceof Statement;
      boolean ownStatement = result instanceof Statement && target instanceof ResultSet;
      return ownResult || ownStatement ? guard : null;
    }
  }
}
