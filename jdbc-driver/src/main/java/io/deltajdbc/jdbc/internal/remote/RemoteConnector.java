package io.deltajdbc.jdbc.internal.remote;

import io.deltajdbc.jdbc.internal.DeltaUrl;
import io.deltajdbc.jdbc.internal.DriverRegistrations;
import io.deltajdbc.jdbc.internal.JdbcErrors;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.remote.Driver;

/**
 * Opens a thin-client connection to a delta-server through Avatica's remote driver. What the server
 * refuses (credentials, a property, a catalog) arrives as an {@link SQLException} with the server's
 * SQLState and the server's address, not as Avatica's runtime exception.
 */
public final class RemoteConnector {
  private static final Driver AVATICA = new Driver();

  static {
    DriverRegistrations.withdrawRelocatedAvatica();
  }

  private RemoteConnector() {}

  /** A connection to the server {@code url} names. */
  public static Connection connect(DeltaUrl url) throws SQLException {
    RemoteUrl remote;
    try {
      remote = RemoteUrl.of(url);
    } catch (IllegalArgumentException e) {
      throw JdbcErrors.connectFailed(DeltaUrl.PREFIX + url.location(), e.getMessage(), e);
    }
    try {
      return AVATICA.connect("jdbc:avatica:remote:", remote.properties());
    } catch (AvaticaClientRuntimeException e) {
      throw JdbcErrors.serverRefused(
          remote.server().toString(), e.getMessage(), e.getSqlState(), e);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw JdbcErrors.serverRefused(remote.server().toString(), message, httpState(message), e);
    }
  }

  /**
   * The SQLState of an HTTP refusal, which Avatica's client reports only as a message ({@code
   * Failed to execute HTTP Request, got HTTP/401}): 28000 when the credentials were refused.
   */
  static String httpState(String message) {
    return message.endsWith("HTTP/401") || message.endsWith("HTTP/403") ? "28000" : null;
  }
}
