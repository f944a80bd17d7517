package io.deltajdbc.tools.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;

/**
 * Avatica's {@code JdbcMeta} over the driver's connections to one served warehouse: it gives every
 * statement the server's query timeout (Avatica's protocol carries none, so no client can lift it).
 */
final class CatalogMeta extends JdbcMeta {
  private final ServedCatalog catalog;
  private final int timeoutSeconds;

  CatalogMeta(ServedCatalog catalog, Properties info, int timeoutSeconds) throws SQLException {
    super(catalog.driverUrl(), info, NoopMetricsSystem.getInstance());
    this.catalog = catalog;
    this.timeoutSeconds = timeoutSeconds;
  }

  ServedCatalog catalog() {
    return catalog;
  }

  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    Connection c = super.createConnection(url, info);
    return timeoutSeconds <= 0
        ? c
        : (Connection)
            Proxy.newProxyInstance(
                CatalogMeta.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new TimedStatements(c, timeoutSeconds));
  }

  /** Sets the query timeout of each statement the connection creates. */
  private record TimedStatements(Connection target, int seconds) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (result instanceof Statement s) {
        s.setQueryTimeout(seconds);
      }
      return result;
    }
  }
}
