package io.deltajdbc.tools.server;

import io.deltajdbc.tools.server.users.Access;
import io.deltajdbc.tools.server.users.AuthScheme;
import io.deltajdbc.tools.server.users.ServerUser;
import io.deltajdbc.tools.server.users.UsersLoginService;
import java.io.File;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.calcite.avatica.remote.AuthenticationType;
import org.apache.calcite.avatica.server.AvaticaServerConfiguration;
import org.apache.calcite.avatica.server.RemoteUserDisallowedException;
import org.apache.calcite.avatica.server.RemoteUserExtractor;

/**
 * What Avatica's handler asks of the server's security: every request runs as its user ({@link
 * CallerScope}). With a users file the user is the one Jetty authenticated; without one, a loopback
 * client is the read-write user {@code local} and any other client is refused.
 */
final class DeltaServerConfiguration implements AvaticaServerConfiguration {
  /** The user of a server without a users file. */
  static final ServerUser LOCAL = new ServerUser("local", Access.READ_WRITE, Set.of());

  private final Optional<UsersLoginService> users;
  private final AuthScheme scheme;

  DeltaServerConfiguration(Optional<UsersLoginService> users, AuthScheme scheme) {
    this.users = users;
    this.scheme = scheme;
  }

  @Override
  public AuthenticationType getAuthenticationType() {
    if (users.isEmpty()) {
      return AuthenticationType.NONE;
    }
    return scheme == AuthScheme.DIGEST ? AuthenticationType.DIGEST : AuthenticationType.BASIC;
  }

  @Override
  public boolean supportsImpersonation() {
    return true;
  }

  @Override
  public <T> T doAsRemoteUser(String remoteUserName, String remoteAddress, Callable<T> action)
      throws Exception {
    ServerUser user;
    if (users.isPresent()) {
      user =
          users
              .get()
              .user(remoteUserName)
              .orElseThrow(
                  () ->
                      new RemoteUserDisallowedException(
                          "User '" + remoteUserName + "' is not in the users file"));
    } else {
      if (!loopback(remoteAddress)) {
        throw new RemoteUserDisallowedException(
            "Only loopback clients connect to a server without a users file");
      }
      user = LOCAL;
    }
    return CallerScope.callAs(new CallerScope.Caller(user, remoteAddress), action);
  }

  @Override
  public RemoteUserExtractor getRemoteUserExtractor() {
    return request -> {
      String name = request.getRemoteUser();
      if (name != null) {
        return name;
      }
      if (users.isPresent()) {
        throw new org.apache.calcite.avatica.server.RemoteUserExtractionException(
            "The request is not authenticated");
      }
      return LOCAL.name();
    };
  }

  private static boolean loopback(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String[] getAllowedRoles() {
    return new String[] {"read-only", "read-write"};
  }

  @Override
  public String getHashLoginServiceRealm() {
    return UsersLoginService.DEFAULT_REALM;
  }

  @Override
  public String getHashLoginServiceProperties() {
    return null;
  }

  @Override
  public String getKerberosRealm() {
    return null;
  }

  @Override
  public String getKerberosServiceName() {
    return null;
  }

  @Override
  public String getKerberosHostName() {
    return null;
  }

  @Override
  public String getKerberosPrincipal() {
    return null;
  }

  @Override
  public File getKerberosKeytab() {
    return null;
  }
}
