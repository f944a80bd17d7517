package io.deltajdbc.engine.internal.snapshot;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.CommitInfo;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.internal.features.TableFeatures;
import io.deltajdbc.engine.internal.log.CommitFile;
import io.deltajdbc.engine.internal.log.LogSegmentLoader;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.storage.LogStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Maps a timestamp to the version current at that time. A commit's time is its in-commit timestamp
 * once the table records them (protocol: "In-Commit Timestamps"), otherwise the commit file's
 * modification time, made strictly increasing as Delta does (a commit is never earlier than the one
 * before it).
 */
final class CommitTimestamps {
  private final LogStore store;
  private final LogSegmentLoader loader;
  private final String tableName;
  private final Metadata latestMetadata;

  CommitTimestamps(
      LogStore store, LogSegmentLoader loader, String tableName, Metadata latestMetadata) {
    this.store = requireNonNull(store, "store");
    this.loader = requireNonNull(loader, "loader");
    this.tableName = requireNonNull(tableName, "tableName");
    this.latestMetadata = requireNonNull(latestMetadata, "latestMetadata");
  }

  /**
   * Every reconstructable commit's time, by version: in-commit timestamps where enabled, file
   * modification times made strictly increasing before.
   */
  NavigableMap<Long, Long> all() {
    LogSegmentLoader.LogListingView all = loader.listAll();
    long ictFrom = ictEnablementVersion();
    NavigableMap<Long, Long> out = new TreeMap<>();
    long previous = Long.MIN_VALUE;
    for (Map.Entry<Long, FileInfo> e : all.deltas().entrySet()) {
      long v = e.getKey();
      if (v < all.earliestVersion()) {
        continue; // not reconstructable: older than the oldest checkpoint after cleanup
      }
      long t = v >= ictFrom ? inCommitTimestamp(v, e.getValue()) : e.getValue().modificationTime();
      if (v < ictFrom && t <= previous) {
        t = previous + 1;
      }
      previous = t;
      out.put(v, t);
    }
    return out;
  }

  long versionAt(Instant timestamp) {
    long requested = timestamp.toEpochMilli();
    List<long[]> commits = new ArrayList<>(); // (version, time)
    all().forEach((v, t) -> commits.add(new long[] {v, t}));
    if (commits.isEmpty()) {
      throw DeltaErrors.tableNotFound(tableName);
    }
    long[] first = commits.get(0);
    long[] last = commits.get(commits.size() - 1);
    if (requested < first[1]) {
      throw DeltaErrors.timestampBeforeFirstCommit(
          tableName, timestamp.toString(), Instant.ofEpochMilli(first[1]).toString(), first[0]);
    }
    if (requested > last[1]) {
      throw DeltaErrors.timestampAfterLatestCommit(
          tableName, timestamp.toString(), Instant.ofEpochMilli(last[1]).toString(), last[0]);
    }
    long version = first[0];
    for (long[] c : commits) {
      if (c[1] <= requested) {
        version = c[0];
      } else {
        break;
      }
    }
    return version;
  }

  private long ictEnablementVersion() {
    if (!TableFeatures.inCommitTimestampsEnabled(latestMetadata)) {
      return Long.MAX_VALUE;
    }
    String v = latestMetadata.configuration().get("delta.inCommitTimestampEnablementVersion");
    return v == null ? 0 : Long.parseLong(v.trim());
  }

  private long inCommitTimestamp(long version, FileInfo file) {
    try {
      for (Action a :
          CommitFile.parse(
              tableName, version, file.path().toString(), store.readLines(file.path()))) {
        if (a instanceof CommitInfo ci && ci.inCommitTimestamp().isPresent()) {
          return ci.inCommitTimestamp().get();
        }
      }
    } catch (IOException e) {
      throw DeltaErrors.storage("reading commit", file.path().toString(), e);
    }
    throw DeltaErrors.corruptLog(
        tableName,
        version,
        "in-commit timestamps are enabled but the commit has no commitInfo.inCommitTimestamp.");
  }
}
