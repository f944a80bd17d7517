package io.deltajdbc.engine.utilities;

import java.time.Instant;

/**
 * What {@code RESTORE TABLE t TO VERSION AS OF n | TIMESTAMP AS OF '...'} goes back to: exactly one
 * of a version or a point in time (the latest version committed at or before it).
 */
public record RestoreTarget(Long version, Instant timestamp) {
  public RestoreTarget {
    if ((version == null) == (timestamp == null)) {
      throw new IllegalArgumentException("give either a version or a timestamp to restore");
    }
  }

  public static RestoreTarget ofVersion(long version) {
    return new RestoreTarget(version, null);
  }

  public static RestoreTarget ofTimestamp(Instant timestamp) {
    return new RestoreTarget(null, timestamp);
  }
}
