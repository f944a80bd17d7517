package io.deltajdbc.tools.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A warehouse root the server serves, under the name clients choose it by (the connection property
 * {@code catalog}; the first one served is the default).
 *
 * @param name the catalog name, {@code [A-Za-z0-9_-]{1,64}}
 * @param root the warehouse directory, absolute and normalized
 */
public record ServedCatalog(String name, Path root) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public ServedCatalog {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Catalog name '" + name + "' is not one of letters, digits, '_' and '-' (1 to 64)");
    }
    if (name.equals("health")) {
      throw new IllegalArgumentException("Catalog name 'health' is the health endpoint's path");
    }
    root = root.toAbsolutePath().normalize();
  }

  /** The JDBC URL of the local driver over this warehouse. */
  String driverUrl() {
    return "jdbc:delta:" + root;
  }
}
