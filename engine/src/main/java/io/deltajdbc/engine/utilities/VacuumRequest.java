package io.deltajdbc.engine.utilities;

/**
 * {@code VACUUM t [RETAIN n HOURS] [DRY RUN]}: {@code retainHours} null keeps removed files for the
 * table's {@code delta.deletedFileRetentionDuration} (7 days by default); a number of hours is
 * rounded to whole hours, as delta-spark rounds it, and must not be negative.
 */
public record VacuumRequest(Double retainHours, boolean dryRun) {
  public VacuumRequest {
    if (retainHours != null && (retainHours.isNaN() || retainHours.isInfinite())) {
      throw new IllegalArgumentException("retainHours must be a number of hours: " + retainHours);
    }
  }

  /** VACUUM with the table's retention. */
  public static VacuumRequest defaults() {
    return new VacuumRequest(null, false);
  }

  public VacuumRequest retain(double hours) {
    return new VacuumRequest(hours, dryRun);
  }

  /** The same request, listing what it would delete and deleting nothing. */
  public VacuumRequest asDryRun() {
    return new VacuumRequest(retainHours, true);
  }
}
