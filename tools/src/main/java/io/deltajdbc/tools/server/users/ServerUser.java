package io.deltajdbc.tools.server.users;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a request runs as, after authentication.
 *
 * @param name the user name, {@code [A-Za-z0-9._@-]{1,64}}
 * @param access what the user may do
 * @param catalogs the catalogs the user may use; empty for every served catalog
 */
public record ServerUser(String name, Access access, Set<String> catalogs) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  public ServerUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(access, "access");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "user name '" + name + "' is not 1 to 64 of letters, digits, '.', '_', '@', '-'");
    }
    catalogs = Set.copyOf(catalogs);
  }

  /** Whether the user may use {@code catalog}. */
  public boolean mayUse(String catalog) {
    return catalogs.isEmpty() || catalogs.contains(catalog);
  }
}
