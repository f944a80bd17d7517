package io.deltajdbc.jdbc.internal;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Keeps the standalone jar's relocated Calcite and Avatica from answering {@code jdbc:calcite:} and
 * {@code jdbc:avatica:remote:} URLs. Calcite's driver class registers itself with {@link
 * DriverManager} when it is initialised, which happens as the superclass of ours; in the standalone
 * jar that class is a private copy (under {@code io.deltajdbc.shaded}) and must not serve an
 * application that carries its own Calcite. On an ordinary class path Calcite is the application's,
 * and its registration stays.
 */
public final class DriverRegistrations {
  private static final String RELOCATED = "io.deltajdbc.shaded.";

  private DriverRegistrations() {}

  /** Deregisters this copy of Calcite's driver if it is the standalone jar's relocated one. */
  public static void withdrawRelocatedCalcite() {
    withdrawRelocated(org.apache.calcite.jdbc.Driver.class);
  }

  /**
   * Deregisters this copy of Avatica's remote driver (which the thin client uses) if it is the
   * standalone jar's relocated one: {@code jdbc:avatica:remote:} URLs are the application's own
   * Avatica's to answer.
   */
  public static void withdrawRelocatedAvatica() {
    withdrawRelocated(org.apache.calcite.avatica.remote.Driver.class);
  }

  private static void withdrawRelocated(Class<?> driver) {
    if (!driver.getName().startsWith(RELOCATED)) {
      return;
    }
    for (Driver d : Collections.list(DriverManager.getDrivers())) {
      if (d.getClass() == driver) {
        try {
          DriverManager.deregisterDriver(d);
        } catch (SQLException | SecurityException e) {
          // left registered: it answers only its own URL prefix
        }
      }
    }
  }
}
