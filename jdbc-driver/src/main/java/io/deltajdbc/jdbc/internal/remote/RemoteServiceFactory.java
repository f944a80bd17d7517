package io.deltajdbc.jdbc.internal.remote;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.RemoteService;
import org.apache.calcite.avatica.remote.Service;

/**
 * The service of a thin-client connection, named in Avatica's {@code factory} property: Avatica's
 * HTTP client (authentication, TLS, timeouts from the connection's properties) under the protobuf
 * service with {@link WireNames}, or the JSON service, whose messages carry no class names.
 */
public final class RemoteServiceFactory implements Service.Factory {
  /** Avatica instantiates it by name. */
  public RemoteServiceFactory() {}

  @Override
  public Service create(AvaticaConnection connection) {
    ConnectionConfig config = connection.config();
    AvaticaHttpClient client;
    try {
      client =
          config
              .httpClientFactory()
              .getClient(new URI(config.url()).toURL(), config, connection.getKerberosConnection());
    } catch (URISyntaxException | MalformedURLException e) {
      throw new IllegalArgumentException("not a server address: " + config.url(), e);
    }
    return "json".equalsIgnoreCase(config.serialization())
        ? new RemoteService(client)
        : new RemoteProtobufService(client, new WireNames());
  }
}
