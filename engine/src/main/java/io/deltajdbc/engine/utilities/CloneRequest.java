package io.deltajdbc.engine.utilities;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What {@code CREATE [OR REPLACE] TABLE t SHALLOW CLONE s [VERSION AS OF n | TIMESTAMP AS OF
 * '...']} clones: the source's name as the commit records it ({@code source}), the source version
 * (the latest when neither a version nor a time is given; the latest committed at or before a
 * time), and whether an existing target may be replaced ({@code OR REPLACE}).
 */
public record CloneRequest(String sourceName, Long version, Instant timestamp, boolean replace) {
  public CloneRequest {
    requireNonNull(sourceName, "sourceName");
    if (version != null && timestamp != null) {
      throw new IllegalArgumentException("give a version or a timestamp to clone, not both");
    }
  }

  /** The latest version of {@code sourceName}. */
  public static CloneRequest latest(String sourceName) {
    return new CloneRequest(sourceName, null, null, false);
  }

  public CloneRequest atVersion(long newVersion) {
    return new CloneRequest(sourceName, newVersion, null, replace);
  }

  public CloneRequest atTimestamp(Instant newTimestamp) {
    return new CloneRequest(sourceName, null, requireNonNull(newTimestamp, "timestamp"), replace);
  }

  /** The same request, allowed to replace an existing target (which must hold no files). */
  public CloneRequest orReplace() {
    return new CloneRequest(sourceName, version, timestamp, true);
  }
}
