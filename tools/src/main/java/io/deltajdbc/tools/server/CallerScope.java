package io.deltajdbc.tools.server;

import io.deltajdbc.tools.server.users.ServerUser;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Who the call running on this thread is for: set by Avatica's handler (through {@link
 * DeltaServerConfiguration#doAsRemoteUser}) around each request, read by {@link ServerMeta}.
 */
final class CallerScope {
  /**
   * The caller of one request.
   *
   * @param user the authenticated user (or the loopback user of a server without users)
   * @param remoteAddress the client's address
   */
  record Caller(ServerUser user, String remoteAddress) {
    Caller {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
  }

  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  private CallerScope() {}

  /** Runs {@code action} as {@code caller}. */
  static <T> T callAs(Caller caller, Callable<T> action) throws Exception {
    Caller before = CURRENT.get();
    CURRENT.set(caller);
    try {
      return action.call();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }

  /** The caller of the running request; a call outside a request is refused. */
  static Caller current() {
    Caller c = CURRENT.get();
    if (c == null) {
      throw ServerErrors.notAuthenticated();
    }
    return c;
  }
}
