package io.deltajdbc.engine.changes;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One end of a {@link ChangeRange}: a table version, or a time that maps to one. */
public sealed interface ChangeBound {

  /** A table version. */
  record Version(long version) implements ChangeBound {
    public Version {
      if (version < 0) {
        throw new IllegalArgumentException("A version is 0 or more, not " + version + ".");
      }
    }
  }

  /**
   * A time: as a start, the first commit at or after it (the first commit when it is earlier); as
   * an end, the last commit at or before it (delta-spark's mapping of {@code startingTimestamp} and
   * {@code endingTimestamp}).
   */
  record Timestamp(Instant timestamp) implements ChangeBound {
    public Timestamp {
      requireNonNull(timestamp, "timestamp");
    }
  }
}
