package io.deltajdbc.tools.server;

import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * The server's errors, as Avatica sends them to a client: each with an SQLState and a message that
 * names the user, connection, catalog or property (never a password or a property's value). They
 * carry no cause and no stack trace: Avatica sends an error's printed stack trace to the client,
 * and the server's frames (class names, file paths) are not the client's to read.
 */
final class ServerErrors {
  private ServerErrors() {}

  static AvaticaRuntimeException notAuthenticated() {
    return error("The request is not authenticated", "28000");
  }

  static AvaticaRuntimeException unknownCatalog(String catalog, Iterable<String> served) {
    return error(
        "Catalog '" + catalog + "' is not served here (served: " + String.join(", ", served) + ")",
        "3D000");
  }

  static AvaticaRuntimeException catalogDenied(String user, String catalog) {
    return error("User '" + user + "' may not use catalog '" + catalog + "'", "42501");
  }

  static AvaticaRuntimeException propertyRefused(String key) {
    return error(
        "Connection property '"
            + key
            + "' is the server's to set, not a client's (a client may set "
            + String.join(", ", ClientProperties.ALLOWED)
            + ")",
        "42501");
  }

  static AvaticaRuntimeException badProperty(String key, String why) {
    return error("Connection property '" + key + "': " + why, "22023");
  }

  static AvaticaRuntimeException readOnlyUser(String user) {
    return error(
        "User '" + user + "' is read-only: its connections stay read-only (queries only)", "25006");
  }

  static AvaticaRuntimeException tooManyConnections(String user, int limit, boolean perUser) {
    return error(
        perUser
            ? "User '" + user + "' already holds " + limit + " connections, its limit"
            : "The server already holds " + limit + " connections, its limit",
        "53300");
  }

  static AvaticaRuntimeException tooManyStatements(String connection, int limit) {
    return error(
        "Connection "
            + connection
            + " already has "
            + limit
            + " open statements, its limit: close some first",
        "53400");
  }

  static AvaticaRuntimeException stopping() {
    return error("The server is shutting down", "57P01");
  }

  /** A driver error, with the driver's SQLState and message. */
  static AvaticaRuntimeException fromDriver(SQLException e) {
    String state = e.getSQLState() == null ? "HY000" : e.getSQLState();
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return bare(
        new AvaticaRuntimeException(message, e.getErrorCode(), state, AvaticaSeverity.ERROR));
  }

  /** A failure of the server itself (a bug), with its class and message. */
  static AvaticaRuntimeException internal(RuntimeException e) {
    return error("Internal error of the server: " + e, "XX000");
  }

  private static AvaticaRuntimeException error(String message, String state) {
    return bare(new AvaticaRuntimeException(message, -1, state, AvaticaSeverity.ERROR));
  }

  private static AvaticaRuntimeException bare(AvaticaRuntimeException e) {
    e.setStackTrace(new StackTraceElement[0]);
    return e;
  }
}
