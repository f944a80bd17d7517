package io.deltajdbc.jdbc.internal.remote;

import io.deltajdbc.jdbc.internal.DeltaUrl;
import java.net.URI;
import java.util.Locale;
import java.util.Properties;

/**
 * A thin-client URL, {@code jdbc:delta://host[:port][/catalog][;key=value]*}, as the properties of
 * Avatica's remote driver. The server is {@code http://host:port/catalog} ({@code https} with
 * {@code ssl=true}; port 8765 by default). {@code user} and {@code password} become Avatica's
 * credentials ({@code auth=basic|digest}, BASIC by default) and never reach the server as
 * connection properties; Avatica's own settings ({@code truststore}, {@code truststore_password},
 * {@code hostname_verification}, {@code http_connection_timeout}, {@code http_response_timeout},
 * {@code serialization}) configure the client and stay on it; every other property ({@code schema},
 * {@code readOnly}) is sent to the server, which refuses those it does not allow.
 *
 * @param server the server's address, as the client reaches it
 * @param properties the remote driver's properties
 */
public record RemoteUrl(URI server, Properties properties) {
  /** The port a delta-server listens on by default. */
  public static final int DEFAULT_PORT = 8765;

  /**
   * Whether a parsed {@code jdbc:delta:} URL names a server ({@code //host...}), not a warehouse.
   */
  public static boolean isRemote(DeltaUrl url) {
    return url.location().startsWith("//");
  }

  /** The remote driver's properties for {@code url}; a malformed address is refused. */
  public static RemoteUrl of(DeltaUrl url) {
    Properties given = url.properties();
    boolean ssl = Boolean.parseBoolean(given.getProperty("ssl", "false"));
    URI address;
    try {
      address = new URI((ssl ? "https:" : "http:") + url.location());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + url.location() + "' is not //host[:port][/catalog]", e);
    }
    if (address.getHost() == null
        || address.getQuery() != null
        || address.getFragment() != null
        || address.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "'"
              + url.location()
              + "' is not //host[:port][/catalog] (credentials go in user and password)");
    }
    String path = address.getPath() == null ? "" : address.getPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.indexOf('/', 1) > 0) {
      throw new IllegalArgumentException(
          "'"
              + url.location()
              + "' names more than a catalog after the server: //host[:port][/catalog]");
    }
    URI server =
        URI.create(
            address.getScheme()
                + "://"
                + address.getRawAuthority().replaceFirst("@.*", "")
                + (address.getPort() < 0 ? ":" + DEFAULT_PORT : "")
                + path);
    Properties p = new Properties();
    p.setProperty("url", server.toString());
    p.setProperty("factory", RemoteServiceFactory.class.getName());
    p.setProperty("serialization", "protobuf");
    for (String key : given.stringPropertyNames()) {
      String value = given.getProperty(key);
      switch (key) {
        case "ssl", "warehouse" -> {}
        case "user" -> p.setProperty("avatica_user", value);
        case "password" -> p.setProperty("avatica_password", value);
        case "auth" -> p.setProperty("authentication", scheme(value));
        default -> p.setProperty(key, value);
      }
    }
    if (p.containsKey("avatica_user") && !p.containsKey("authentication")) {
      p.setProperty("authentication", "BASIC");
    }
    return new RemoteUrl(server, p);
  }

  private static String scheme(String v) {
    String s = v.trim().toUpperCase(Locale.ROOT);
    if (!s.equals("BASIC") && !s.equals("DIGEST")) {
      throw new IllegalArgumentException("auth is basic or digest, not " + v);
    }
    return s;
  }
}
