package io.deltajdbc.engine.internal.log;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.storage.FileInfo;
import java.util.List;

/**
 * One complete checkpoint of a version: a classic single file, all parts of a multi-part
 * checkpoint, or a V2 (UUID-named) manifest whose sidecars are found when it is read.
 */
public record CheckpointInstance(long version, LogFileName.Kind kind, List<FileInfo> files) {
  public CheckpointInstance {
    requireNonNull(kind, "kind");
    files = List.copyOf(files);
  }

  /** Preference among complete checkpoints of one version: V2 over classic over multi-part. */
  int preference() {
    return switch (kind) {
      case V2_CHECKPOINT -> 3;
      case CLASSIC_CHECKPOINT -> 2;
      default -> 1;
    };
  }
}
