package io.deltajdbc.jdbc.internal;

import io.deltajdbc.calcite.StatementWarnings;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

/**
 * Thin proxies over Calcite's JDBC objects: every SQLException or runtime error leaves through
 * {@link JdbcErrors} with an SQLState, and statements, result sets and {@link DatabaseMetaData}
 * (which is {@link DeltaDatabaseMetaData}) lead back to the proxies. A statement's warnings (what
 * DROP TABLE left, see {@link StatementWarnings}) are its {@code getWarnings()} chain until its
 * next execution. The connection's transaction methods are {@link AutoCommitConnection}'s, result
 * set columns are described by {@link ResultColumns}, and row-count parameters bound by {@link
 * LimitParameters}. No SQLException leaves without a message: one Avatica or Calcite threw without
 * any names the method that was called.
 */
public final class JdbcProxies {
  /** The JDBC objects that are proxied, most specific first. */
  private static final List<Class<?>> WRAPPED =
      List.of(
          CallableStatement.class,
          PreparedStatement.class,
          Statement.class,
          ResultSet.class,
          DatabaseMetaData.class,
          ResultSetMetaData.class,
          ParameterMetaData.class);

  private JdbcProxies() {}

  public static Connection connection(Connection target) {
    return (Connection)
        wrap(
            target,
            Connection.class,
            new Handler(target, Connection.class, null, null, new AutoCommitConnection()));
  }

  private static Object wrap(Object target, Class<?> api, Handler handler) {
    return Proxy.newProxyInstance(
        JdbcProxies.class.getClassLoader(), new Class<?>[] {api}, handler);
  }

  private static final class Handler implements InvocationHandler {
    private final Object target;
    private final Class<?> api;
    private final Object connectionProxyOrNull;

    /**
     * Cancel, timeout and resource errors of a statement and its result sets; null for other
     * objects.
     */
    private final StatementGuard guard;

    /** The connection's auto-commit and read-only state, shared by everything it made. */
    private final AutoCommitConnection transactions;

    private LimitParameters limits;
    private Object self;
    private TemporalResults temporal;
    private SQLWarning warnings;

    Handler(
        Object target,
        Class<?> api,
        Object connectionProxy,
        StatementGuard guard,
        AutoCommitConnection transactions) {
      this.target = target;
      this.api = api;
      this.connectionProxyOrNull = connectionProxy;
      this.guard = guard;
      this.transactions = transactions;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      try {
        return call(proxy, method, args);
      } catch (SQLException e) {
        String m = e.getMessage();
        throw m == null || m.isBlank() || e.getSQLState() == null
            ? JdbcErrors.translate(e, describe(method))
            : e;
      }
    }

    private Object call(Object proxy, Method method, Object[] args) throws Throwable {
      self = proxy;
      String name = method.getName();
      if (name.equals("getConnection") && connectionProxyOrNull != null) {
        return connectionProxyOrNull;
      }
      if (target instanceof Connection c) {
        Object answer = transactions.invoke(name, args);
        if (answer != AutoCommitConnection.NOT_MINE) {
          if (c.isClosed()) {
            throw new SQLException("Connection." + name + "(): the connection is closed.", "08003");
          }
          return answer;
        }
      }
      if (api == ResultSetMetaData.class) {
        Object answer = ResultColumns.answer((ResultSetMetaData) target, name, args);
        if (answer != ResultColumns.NOT_MINE) {
          return answer;
        }
      }
      if (target instanceof PreparedStatement ps && name.startsWith("set") && guard != null) {
        if (limits == null) {
          limits = LimitParameters.of(ps, guard.sql());
        }
        if (limits.bind(ps, name, args)) {
          return null;
        }
      }
      if (guard != null && target instanceof Statement && name.equals("cancel")) {
        guard.cancel();
        return null;
      }
      if (target instanceof Statement && name.startsWith("execute") && transactions.readOnly()) {
        refuseWrites(name, args);
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
        if (target instanceof PreparedStatement ps
            && (name.equals("setObject")
                ? TemporalParameters.setObject(ps, args)
                : name.equals("setTimestamp") && TemporalParameters.setTimestamp(ps, args))) {
          return null;
        }
        if (target instanceof ResultSet rs && TemporalResults.handles(name)) {
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
        // Errors too (a StackOverflowError of a deep expression): the client sees an SQLState, and
        // the
        // connection stays usable, the failed statement having changed nothing.
        if (cause instanceof java.sql.SQLException
            || cause instanceof RuntimeException
            || cause instanceof Error) {
          throw JdbcErrors.translate(cause, describe(method));
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
      if (name.equals("unwrap")
          && args != null
          && args[0] instanceof Class<?> c
          && !c.isInterface()) {
        // unwrap(AvaticaPreparedStatement.class), as Avatica's JdbcMeta asks it (the network
        // server): the class asked for, not a proxy of one of its interfaces
        return result;
      }
      Object connectionProxy = target instanceof Connection ? proxy : connectionProxyOrNull;
      // The most specific API the result has and the method returns: Avatica's prepared statement
      // is
      // its own ResultSetMetaData and ParameterMetaData, and getMetaData() must still lead to a
      // proxy.
      for (Class<?> resultApi : WRAPPED) {
        if (resultApi.isInstance(result) && method.getReturnType().isAssignableFrom(resultApi)) {
          return wrap(
              result,
              resultApi,
              new Handler(
                  result, resultApi, connectionProxy, guardOf(result, name, args), transactions));
        }
      }
      return result;
    }

    /** {@code "Statement.executeUpdate(String, int)"}: the call an error names. */
    private String describe(Method method) {
      StringBuilder sb =
          new StringBuilder(api.getSimpleName()).append('.').append(method.getName()).append('(');
      Class<?>[] types = method.getParameterTypes();
      for (int i = 0; i < types.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
      }
      return sb.append(')').toString();
    }

    /** 25006 for an execution that writes (not a query) on a read-only connection. */
    private void refuseWrites(String name, Object[] args) throws SQLException {
      String sql =
          args != null && args.length > 0 && args[0] instanceof String text
              ? text
              : guard != null ? guard.sql() : null;
      if (name.endsWith("Batch") || !StatementGuard.isQuery(sql)) {
        throw AutoCommitConnection.readOnlyViolation(sql == null ? "a batch" : sql);
      }
    }

    /** Starts guarding an execution or a fetch; false for other methods. */
    private boolean begin(String name, Object[] args) throws SQLException {
      if (target instanceof Statement && name.startsWith("execute")) {
        guard.beginExecute(
            args != null && args.length > 0 && args[0] instanceof String sql ? sql : null,
            name.endsWith("Batch"));
        return true;
      }
      if (target instanceof ResultSet && name.equals("next")) {
        guard.beginFetch();
        return true;
      }
      return false;
    }

    /**
     * 57014 for a canceled or timed-out statement, 53200 for one that ran out of memory; else null.
     */
    private SQLException resourceFailure(Throwable cause, Object[] args) {
      SQLException stopped = guard == null ? null : guard.stoppedFailure(cause);
      if (stopped != null) {
        return stopped;
      }
      String sql =
          guard != null
              ? guard.sql()
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
        return new StatementGuard(
            st,
            name.startsWith("prepare") && args != null && args[0] instanceof String sql
                ? sql
                : null);
      }
      boolean ownResult = result instanceof ResultSet && target instanceof Statement;
      boolean ownStatement = result instanceof Statement && target instanceof ResultSet;
      return ownResult || ownStatement ? guard : null;
    }
  }
}
