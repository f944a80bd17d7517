package io.deltajdbc.engine.internal.log;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.storage.LogStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.fs.Path;

/**
 * Finds the log segment of a version with as few storage calls as possible: one read of {@code
 * _last_checkpoint} and one listing from the checkpoint it names. When the hint is missing, corrupt
 * or names a checkpoint that is not there, it lists the whole log instead.
 */
public final class LogSegmentLoader {
  private final LogStore store;
  private final Path logPath;
  private final String tableName;

  public LogSegmentLoader(LogContext log) {
    requireNonNull(log, "log");
    this.store = log.store();
    this.logPath = log.logPath();
    this.tableName = log.tableName();
  }

  public Path logPath() {
    return logPath;
  }

  /** The segment of the latest version. */
  public LogSegment latest() {
    long hint = readLastCheckpoint().map(LastCheckpoint::version).orElse(-1L);
    return load(hint, OptionalLong.empty());
  }

  /** The segment of {@code version}, for time travel. */
  public LogSegment at(long version) {
    if (version < 0) {
      throw DeltaErrors.invalidArgument(
          "Table version must be >= 0, not " + version + " (table " + tableName + ").");
    }
    long hint =
        readLastCheckpoint().map(LastCheckpoint::version).filter(v -> v <= version).orElse(-1L);
    return load(hint, OptionalLong.of(version));
  }

  /**
   * The segment of the latest version, given an earlier one: lists only from the earlier segment's
   * checkpoint, so that an update reads just the new commit files (or a newer checkpoint).
   */
  public LogSegment after(LogSegment previous) {
    return load(previous.checkpointVersion(), OptionalLong.empty());
  }

  /** Every commit file and complete checkpoint of the log, for history and timestamp lookups. */
  public LogListingView listAll() {
    LogListing l = list(0);
    if (l.isEmpty()) {
      throw DeltaErrors.tableNotFound(tableName);
    }
    return new LogListingView(l.deltas, l.earliestVersion(), l.latestVersion());
  }

  /**
   * How many listings a gap in the versions must survive to be reported. A directory listing is not
   * a snapshot of the directory: one taken while writers rename new commits into place can miss a
   * commit file and yet show the next one (seen on ext4 with 32 clients committing through one
   * server). A writer creates version n+1 only after version n is in place, so a gap that is still
   * there in a fresh listing is real.
   */
  static final int LISTINGS_FOR_A_GAP = 3;

  private LogSegment load(long listFrom, OptionalLong target) {
    for (int listing = 1; ; listing++) {
      try {
        return loadOnce(listFrom, target);
      } catch (ListingGap gap) {
        if (listing == LISTINGS_FOR_A_GAP) {
          throw DeltaErrors.versionGap(tableName, gap.expected, gap.found);
        }
      }
    }
  }

  /** A gap in one listing's versions; reported only when listings agree on it. */
  private static final class ListingGap extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final long expected;
    final long found;

    ListingGap(long expected, long found) {
      super("version " + expected + " missing before " + found, null, false, false);
      this.expected = expected;
      this.found = found;
    }
  }

  private LogSegment loadOnce(long listFrom, OptionalLong target) {
    final long hinted = Math.max(listFrom, 0);
    long from = hinted;
    LogListing listing = list(from);
    if (hinted > 0
        && listing
            .checkpointAtOrBefore(target.orElse(Long.MAX_VALUE))
            .filter(c -> c.version() >= hinted)
            .isEmpty()) {
      // The hint named a checkpoint that is missing or incomplete: list the whole log.
      from = 0;
      listing = list(0);
    }
    if (listing.isEmpty()) {
      throw DeltaErrors.tableNotFound(tableName);
    }
    long latest = listing.latestVersion();
    long version = target.orElse(latest);
    if (version > latest) {
      long earliest = from == 0 ? listing.earliestVersion() : earliestByFullListing();
      throw DeltaErrors.versionOutOfRange(tableName, version, earliest, latest);
    }
    Optional<CheckpointInstance> checkpoint = listing.checkpointAtOrBefore(version);
    long start = checkpoint.map(c -> c.version() + 1).orElse(0L);
    List<FileInfo> deltas = new ArrayList<>();
    long expected = start;
    var range =
        start > version
            ? java.util.Collections.<Long, FileInfo>emptyMap().entrySet()
            : listing.deltas.subMap(start, true, version, true).entrySet();
    for (var e : range) {
      if (e.getKey() != expected) {
        throw new ListingGap(expected, e.getKey());
      }
      deltas.add(e.getValue());
      expected++;
    }
    if (expected <= version) {
      if (checkpoint.isEmpty() && (listing.deltas.isEmpty() || listing.deltas.firstKey() > 0)) {
        // Nothing to start replay from: the commits before the first one we have were cleaned up.
        throw DeltaErrors.versionOutOfRange(tableName, version, listing.earliestVersion(), latest);
      }
      long next =
          listing.deltas.ceilingKey(expected) == null
              ? version
              : listing.deltas.ceilingKey(expected);
      throw new ListingGap(expected, next);
    }
    return new LogSegment(logPath, version, checkpoint, deltas);
  }

  private long earliestByFullListing() {
    return list(0).earliestVersion();
  }

  private LogListing list(long fromVersion) {
    try {
      return LogListing.of(store.listFrom(FileNames.listingPrefix(logPath, fromVersion)));
    } catch (FileNotFoundException e) {
      throw DeltaErrors.tableNotFound(tableName);
    } catch (IOException e) {
      throw DeltaErrors.storage("listing", logPath.toString(), e);
    }
  }

  private Optional<LastCheckpoint> readLastCheckpoint() {
    try {
      List<String> lines = store.readLines(new Path(logPath, FileNames.LAST_CHECKPOINT));
      return LastCheckpoint.parse(String.join("\n", lines));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      // An unreadable hint is not fatal: the listing finds the checkpoints.
      return Optional.empty();
    }
  }

  /** The commit files of a full listing, with the range of versions that can be read. */
  public record LogListingView(
      java.util.NavigableMap<Long, FileInfo> deltas, long earliestVersion, long latestVersion) {}
}
