package io.deltajdbc.jdbc;

import java.sql.Driver;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The JDBC drivers {@link DriverManager} offers to a class of a host application. DriverManager
 * shows a caller only the drivers its class loader can see, so {@link StandaloneJarBesideOthersIT}
 * loads this class (it uses nothing but the JDK) in a class loader below the host's.
 */
public final class RegisteredDrivers {
  private RegisteredDrivers() {}

  /** The class names of the registered drivers, comma-separated. */
  public static String names() {
    List<String> names = new ArrayList<>();
    for (Driver d : Collections.list(DriverManager.getDrivers())) {
      names.add(d.getClass().getName());
    }
    return String.join(",", names);
  }
}
