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
    return (Connection) wrap(target, Connection.class, new Handler(target, null, metaData));
  }

  private static Object wrap(Object target, Class<?> api, Handler handler) {
    return Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {api}, handler);
  }

  private static final class Handler implements InvocationHandler {
    private final Object target;
    private final Object connectionProxyOrNull;
    private final Map<String, Object> metaData;
    private Object self;
    private SQLWarning warnings;

    Handler(Object target, Object connectionProxy, Map<String, Object> metaData) {
      this.target = target;
      this.connectionProxyOrNull = connectionProxy;
      this.metaData = metaData;
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
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof java.sql.SQLException || cause instanceof RuntimeException) {
          throw JdbcErrors.translate(cause);
        }
        throw cause;
      } finally {
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
          return wrap(result, api, new Handler(result, connectionProxy, metaData));
        }
      }
      return result;
    }
  }
}
