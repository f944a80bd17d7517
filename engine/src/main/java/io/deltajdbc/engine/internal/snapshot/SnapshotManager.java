package io.deltajdbc.engine.internal.snapshot;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.internal.features.TableFeatures;
import io.deltajdbc.engine.internal.log.LogContext;
import io.deltajdbc.engine.internal.log.LogSegment;
import io.deltajdbc.engine.internal.log.LogSegmentLoader;
import io.deltajdbc.engine.internal.replay.LogReplay;
import io.deltajdbc.engine.internal.replay.PathCanonicalizer;
import io.deltajdbc.engine.internal.replay.TableState;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.storage.LogStore;
import java.time.Instant;
import java.util.NavigableMap;
import org.apache.hadoop.fs.Path;

/**
 * Builds snapshots of one table: the latest (refreshed incrementally from the one before), one
 * version, or the version current at a timestamp. Every snapshot passes the table-feature check
 * before it is handed out.
 */
public final class SnapshotManager {
  private final LogStore store;
  private final Path root;
  private final String tableName;
  private final LogSegmentLoader loader;
  private final PathCanonicalizer paths;
  private final LogReplay replay;
  private SnapshotImpl latest; // guarded by this
  private long committedVersion = -1; // guarded by this

  public SnapshotManager(LogStore store, Path root, String tableName) {
    this.store = requireNonNull(store, "store");
    this.root = requireNonNull(root, "root");
    this.tableName = requireNonNull(tableName, "tableName");
    LogContext log = LogContext.ofTable(store, root, tableName);
    this.loader = new LogSegmentLoader(log);
    this.paths = new PathCanonicalizer(root);
    this.replay = new LogReplay(log, paths);
  }

  public Path root() {
    return root;
  }

  public LogStore store() {
    return store;
  }

  public LogSegmentLoader loader() {
    return loader;
  }

  /** Records that this process committed {@code version} through this manager's table. */
  public synchronized void committed(long version) {
    committedVersion = Math.max(committedVersion, version);
  }

  /**
   * The newest version known here without reading storage: that of the latest snapshot built or of
   * this process's last commit through this table; -1 when neither exists.
   */
  public synchronized long knownVersion() {
    return Math.max(latest == null ? -1 : latest.version(), committedVersion);
  }

  /** The latest snapshot; when one was built before, only newer commit files are read. */
  public synchronized Snapshot latest() {
    SnapshotImpl previous = latest;
    SnapshotImpl next;
    if (previous == null) {
      LogSegment segment = loader.latest();
      next = create(segment, replay.replay(segment));
    } else {
      LogSegment segment = loader.after(previous.segment());
      if (segment.version() == previous.version()
          && segment.checkpointVersion() == previous.segment().checkpointVersion()) {
        return previous;
      }
      next = create(segment, replay.update(previous.state(), segment));
    }
    latest = next;
    return next;
  }

  /** The latest protocol and metadata, read without replaying the files of the table. */
  public io.deltajdbc.engine.TableInfo latestInfo() {
    SnapshotImpl cached;
    synchronized (this) {
      cached = latest;
    }
    LogSegment segment = cached == null ? loader.latest() : loader.after(cached.segment());
    if (cached != null && segment.version() == cached.version()) {
      return new io.deltajdbc.engine.TableInfo(
          tableName, cached.version(), cached.protocol(), cached.metadata(), cached.schema());
    }
    MetadataLoader.Result r = MetadataLoader.load(store, segment, tableName);
    try {
      return new io.deltajdbc.engine.TableInfo(
          tableName, r.version(), r.protocol(), r.metadata(), r.metadata().parseSchema());
    } catch (IllegalArgumentException e) {
      throw DeltaErrors.corruptLog(
          tableName, r.version(), "the table schema cannot be parsed: " + e.getMessage(), e);
    }
  }

  /** The snapshot of one version; reuses the latest state when that is the version asked for. */
  public Snapshot atVersion(long version) {
    synchronized (this) {
      if (latest != null && latest.version() == version) {
        return latest;
      }
    }
    LogSegment segment = loader.at(version);
    return create(segment, replay.replay(segment));
  }

  /** The snapshot of the latest version committed at or before {@code timestamp}. */
  public Snapshot atTimestamp(Instant timestamp) {
    Snapshot newest = latest();
    long version =
        new CommitTimestamps(store, loader, tableName, newest.metadata()).versionAt(timestamp);
    return atVersion(version);
  }

  /**
   * The time of every reconstructable commit, by version, as time travel maps them (in-commit
   * timestamps, or file modification times made strictly increasing).
   */
  public NavigableMap<Long, Long> commitTimes() {
    Snapshot newest = latest();
    return new CommitTimestamps(store, loader, tableName, newest.metadata()).all();
  }

  /** The metadata of one version, read without replaying the files of the table. */
  public Metadata metadataAt(long version) {
    synchronized (this) {
      if (latest != null && latest.version() == version) {
        return latest.metadata();
      }
    }
    return MetadataLoader.load(store, loader.at(version), tableName).metadata();
  }

  private SnapshotImpl create(LogSegment segment, TableState state) {
    TableFeatures.checkReadable(tableName, state.version(), state.protocol(), state.metadata());
    return new SnapshotImpl(
        tableName, root, store, segment, state, commitTimestamp(segment, state), paths);
  }

  private static long commitTimestamp(LogSegment segment, TableState state) {
    if (TableFeatures.inCommitTimestampsEnabled(state.metadata())
        && state.inCommitTimestamp() != null) {
      return state.inCommitTimestamp();
    }
    return segment
        .lastDelta()
        .or(() -> segment.checkpoint().map(c -> c.files().get(0)))
        .map(FileInfo::modificationTime)
        .orElse(0L);
  }
}
