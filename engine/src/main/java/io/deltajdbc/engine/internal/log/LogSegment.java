package io.deltajdbc.engine.internal.log;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.storage.FileInfo;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * The log files that make up one version of a table: the newest complete checkpoint at or before
 * the version (if any) and the commit files after it, contiguous up to the version.
 */
public record LogSegment(
    Path logPath, long version, Optional<CheckpointInstance> checkpoint, List<FileInfo> deltas) {
  public LogSegment {
    requireNonNull(logPath, "logPath");
    requireNonNull(checkpoint, "checkpoint");
    deltas = List.copyOf(deltas);
  }

  /** The version replay starts from: the checkpoint's, or -1 when replay starts at version 0. */
  public long checkpointVersion() {
    return checkpoint.map(CheckpointInstance::version).orElse(-1L);
  }

  /** The commit file of the segment's own version, if the segment ends with one. */
  public Optional<FileInfo> lastDelta() {
    return deltas.isEmpty() ? Optional.empty() : Optional.of(deltas.get(deltas.size() - 1));
  }
}
