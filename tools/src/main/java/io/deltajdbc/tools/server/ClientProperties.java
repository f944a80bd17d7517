package io.deltajdbc.tools.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a client may set when it opens a connection: the allow-list. Everything that configures the
 * driver, the engine, storage or Spark ({@code spark.*}, {@code warehouse}, {@code fs.*}, {@code
 * deltajdbc.*}, Calcite's {@code model} or {@code parserFactory}, ...) is the server's, and a
 * client that sends one is refused with 42501 naming the key. {@code user} and {@code password},
 * which JDBC tools send as properties besides Avatica's own authentication, are dropped unread.
 *
 * <p>Avatica's remote driver sends the properties a client passes to {@code
 * DriverManager.getConnection(url, properties)} (DBeaver's driver properties), never the ones
 * written in its URL: a URL's {@code ;spark.master=...} stays on the client. A client names a
 * catalog in its URL by the path ({@code url=http://host:8765/sales}) or with the property.
 *
 * @param catalog the catalog asked for, if any
 * @param schema the connection's schema, if asked for
 * @param readOnly whether the client asked for a read-only connection
 */
record ClientProperties(Optional<String> catalog, Optional<String> schema, boolean readOnly) {
  /** The keys a client may set. */
  static final List<String> ALLOWED = List.of("catalog", "schema", "readOnly");

  private static final Set<String> CREDENTIALS = Set.of("user", "password");

  /** The client's properties, checked. */
  static ClientProperties of(Map<String, String> info) {
    Optional<String> catalog = Optional.empty();
    Optional<String> schema = Optional.empty();
    boolean readOnly = false;
    if (info != null) {
      for (Map.Entry<String, String> e : info.entrySet()) {
        String key = e.getKey();
        switch (key) {
          case "catalog" -> catalog = Optional.of(e.getValue());
          case "schema" -> schema = Optional.of(e.getValue());
          case "readOnly" -> readOnly = bool(key, e.getValue());
          default -> {
            if (!CREDENTIALS.contains(key.toLowerCase(Locale.ROOT))) {
              throw ServerErrors.propertyRefused(key);
            }
          }
        }
      }
    }
    return new ClientProperties(catalog, schema, readOnly);
  }

  private static boolean bool(String key, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ServerErrors.badProperty(key, "true or false");
    };
  }
}
