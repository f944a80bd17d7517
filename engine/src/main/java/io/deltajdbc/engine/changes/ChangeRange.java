package io.deltajdbc.engine.changes;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The versions whose changes to read: from {@code start} (inclusive) to {@code end} (inclusive), or
 * to the latest version when there is no end. An end after the latest version reads to the latest,
 * as delta-spark does.
 *
 * @param end null for "to the latest version"
 */
public record ChangeRange(ChangeBound start, ChangeBound end) {
  public ChangeRange {
    requireNonNull(start, "start");
  }

  /** From a version to the latest. */
  public static ChangeRange fromVersion(long start) {
    return new ChangeRange(new ChangeBound.Version(start), null);
  }

  /** From a version to another, both inclusive. */
  public static ChangeRange versions(long start, long end) {
    return new ChangeRange(new ChangeBound.Version(start), new ChangeBound.Version(end));
  }

  /** From the first commit at or after {@code start} to the latest version. */
  public static ChangeRange fromTimestamp(Instant start) {
    return new ChangeRange(new ChangeBound.Timestamp(start), null);
  }

  /** From the first commit at or after {@code start} to the last one at or before {@code end}. */
  public static ChangeRange timestamps(Instant start, Instant end) {
    return new ChangeRange(new ChangeBound.Timestamp(start), new ChangeBound.Timestamp(end));
  }

  /** This range ending at a version. */
  public ChangeRange toVersion(long endVersion) {
    return new ChangeRange(start, new ChangeBound.Version(endVersion));
  }

  /** This range ending at the last commit at or before a time. */
  public ChangeRange toTimestamp(Instant endTimestamp) {
    return new ChangeRange(start, new ChangeBound.Timestamp(endTimestamp));
  }

  public Optional<ChangeBound> endBound() {
    return Optional.ofNullable(end);
  }
}
