package io.deltajdbc.engine.internal.log;

import io.deltajdbc.engine.storage.FileInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One listing of the log directory, sorted into commit files and complete checkpoints. Multi-part
 * checkpoints with a missing part are left out (protocol: readers must ignore them); files whose
 * names the protocol does not define are ignored.
 */
final class LogListing {
  final TreeMap<Long, FileInfo> deltas = new TreeMap<>();
  final TreeMap<Long, CheckpointInstance> checkpoints = new TreeMap<>();

  /** Versions that had checkpoint parts but no complete checkpoint (for error messages). */
  final List<Long> incompleteCheckpoints = new ArrayList<>();

  static LogListing of(Iterator<FileInfo> files) {
    LogListing l = new LogListing();
    Map<String, List<FileInfo>> multipart = new HashMap<>();
    while (files.hasNext()) {
      FileInfo f = files.next();
      LogFileName n = FileNames.parse(f.name());
      if (n == null) {
        continue;
      }
      switch (n.kind()) {
        case DELTA -> l.deltas.put(n.version(), f);
        case CLASSIC_CHECKPOINT, V2_CHECKPOINT ->
            l.offer(new CheckpointInstance(n.version(), n.kind(), List.of(f)));
        case MULTIPART_CHECKPOINT ->
            multipart.computeIfAbsent(n.version() + "/" + n.parts(), k -> new ArrayList<>()).add(f);
        default -> {} // compactions are an optional speed-up; commits are read instead
      }
    }
    for (List<FileInfo> parts : multipart.values()) {
      LogFileName first = FileNames.parse(parts.get(0).name());
      boolean[] seen = new boolean[first.parts() + 1];
      for (FileInfo p : parts) {
        int part = FileNames.parse(p.name()).part();
        if (part >= 1 && part <= first.parts()) {
          seen[part] = true;
        }
      }
      boolean complete = true;
      for (int i = 1; i <= first.parts(); i++) {
        complete &= seen[i];
      }
      if (complete) {
        parts.sort(Comparator.comparing(FileInfo::name));
        l.offer(new CheckpointInstance(first.version(), first.kind(), parts));
      } else {
        l.incompleteCheckpoints.add(first.version());
      }
    }
    return l;
  }

  private void offer(CheckpointInstance c) {
    CheckpointInstance existing = checkpoints.get(c.version());
    if (existing == null || c.preference() > existing.preference()) {
      checkpoints.put(c.version(), c);
    }
  }

  /** The newest complete checkpoint at or before {@code version}. */
  Optional<CheckpointInstance> checkpointAtOrBefore(long version) {
    Map.Entry<Long, CheckpointInstance> e = checkpoints.floorEntry(version);
    return e == null ? Optional.empty() : Optional.of(e.getValue());
  }

  /** The newest version this listing can reconstruct, or -1. */
  long latestVersion() {
    long d = deltas.isEmpty() ? -1 : deltas.lastKey();
    long c = checkpoints.isEmpty() ? -1 : checkpoints.lastKey();
    return Math.max(d, c);
  }

  /** The oldest version this listing can reconstruct: version 0, or the oldest checkpoint. */
  long earliestVersion() {
    if (deltas.containsKey(0L)) {
      return 0;
    }
    return checkpoints.isEmpty() ? -1 : checkpoints.firstKey();
  }

  boolean isEmpty() {
    return deltas.isEmpty() && checkpoints.isEmpty();
  }
}
