package io.deltajdbc.engine.internal.utilities;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.internal.dv.DeletionVectorLoader;
import io.deltajdbc.engine.internal.features.TableFeatures;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.internal.txn.TableProperties;
import io.deltajdbc.engine.internal.txn.WriterFeatures;
import io.deltajdbc.engine.internal.utilities.VacuumListing.Entry;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.utilities.VacuumRequest;
import io.deltajdbc.engine.utilities.VacuumResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * VACUUM as delta-spark's {@code VacuumCommand.gc} does it, in one JVM: list the table's files
 * (hidden names skipped), keep what the latest snapshot names (live files, tombstones newer than
 * the retention, their directories, and the deletion vectors of both), and delete the other files
 * older than the retention and the directories that hold no such file. A run that deletes is framed
 * by empty {@code VACUUM START} and {@code VACUUM END} commits on the storage delta-spark logs
 * vacuums on.
 */
public final class Vacuum {
  private static final long DAY = 86_400_000L;

  /** delta-spark's {@code supportedFsForLogging}: storage on which VACUUM writes its commits. */
  private static final Set<String> LOGGED_SCHEMES =
      Set.of("wasbs", "wasbss", "abfs", "abfss", "adl", "gs", "file", "hdfs");

  private final DeltaTable table;
  private final SnapshotImpl snapshot;
  private final String tableName;
  private final String rootPrefix;

  public Vacuum(DeltaTable table) {
    this.table = requireNonNull(table, "table");
    this.snapshot = (SnapshotImpl) table.latestSnapshot();
    this.tableName = table.path();
    String p = snapshot.root().toUri().getPath();
    this.rootPrefix = p.endsWith("/") ? p : p + "/";
  }

  public VacuumResult run(VacuumRequest request) {
    // The vacuumer must be able to write the table; with vacuumProtocolCheck also read it (the
    // protocol's rule for that feature; the snapshot passed the read check already).
    WriterFeatures.checkWritable(
        tableName, snapshot.version(), snapshot.protocol(), snapshot.metadata());
    if (snapshot.protocol().hasReaderFeature("vacuumProtocolCheck")) {
      TableFeatures.checkReadable(
          tableName, snapshot.version(), snapshot.protocol(), snapshot.metadata());
    }
    long configured =
        TableProperties.intervalMillis(
            snapshot.properties(), "delta.deletedFileRetentionDuration", 7 * DAY);
    Long specified =
        request.retainHours() == null
            ? null
            : TimeUnit.HOURS.toMillis(Math.round(request.retainHours()));
    boolean checkEnabled = EngineConfig.vacuumRetentionCheck(snapshot.store().configuration());
    checkRetention(specified, configured, checkEnabled);
    long now = System.currentTimeMillis();
    long deleteBefore = now - (specified != null ? specified : configured);

    FileSystem fs;
    try {
      fs = snapshot.root().getFileSystem(snapshot.store().configuration());
    } catch (IOException e) {
      throw DeltaErrors.storage("opening the file system of", tableName, e);
    }
    Set<String> valid = validPaths(deleteBefore);
    List<Entry> listed = VacuumListing.list(fs, snapshot.root(), snapshot.partitionColumns());

    List<Entry> diff = deletable(listed, valid, deleteBefore);
    long size = diff.stream().mapToLong(e -> e.dir() ? 0 : e.size()).sum();
    long dirCount = listed.stream().filter(Entry::dir).count() + 1;
    List<String> paths = diff.stream().map(e -> absolute(e.path()).toString()).sorted().toList();
    String location = snapshot.root().toString();
    if (request.dryRun()) {
      return new VacuumResult(location, true, paths, size, 0, dirCount, -1, -1);
    }

    boolean logged = LOGGED_SCHEMES.contains(snapshot.root().toUri().getScheme());
    long startVersion = -1;
    if (logged) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("retentionCheckEnabled", Boolean.toString(checkEnabled));
      params.put("defaultRetentionMillis", Long.toString(configured));
      if (specified != null) {
        params.put("specifiedRetentionMillis", Long.toString(specified));
      }
      Map<String, String> metrics = new LinkedHashMap<>();
      metrics.put("numFilesToDelete", Long.toString(diff.size()));
      metrics.put("sizeOfDataToDelete", Long.toString(size));
      startVersion =
          table
              .startTransaction()
              .commit(new Operation(OperationName.VACUUM_START.recorded(), params, metrics))
              .version();
    }
    long deleted = 0;
    try {
      for (Entry e : diff) {
        if (tryDelete(fs, absolute(e.path()))) {
          deleted++;
        }
      }
    } catch (RuntimeException | Error t) {
      if (logged) {
        end("FAILED", Map.of());
      }
      throw t;
    }
    long endVersion = -1;
    if (logged) {
      Map<String, String> metrics = new LinkedHashMap<>();
      metrics.put("numDeletedFiles", Long.toString(deleted));
      metrics.put("numVacuumedDirectories", Long.toString(dirCount));
      endVersion = end("COMPLETED", metrics);
    }
    return new VacuumResult(
        location, false, paths, size, deleted, dirCount, startVersion, endVersion);
  }

  /**
   * delta-spark's diff: each directory counts itself, each file older than {@code deleteBefore}
   * counts itself and every directory above it; what counts once and is not valid goes (untracked
   * old files, directories without an old file below them; a directory that is not empty then fails
   * to delete, as in delta-spark). Files first, then directories deepest first, so that a tree of
   * empty directories goes in one run.
   */
  private static List<Entry> deletable(List<Entry> listed, Set<String> valid, long deleteBefore) {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Entry> byPath = new LinkedHashMap<>();
    for (Entry e : listed) {
      if (e.dir()) {
        counts.merge(e.path(), 1, Integer::sum);
        byPath.put(e.path(), e);
      } else if (e.modificationTime() < deleteBefore) {
        for (String parent : parents(e.path())) {
          counts.merge(parent, 1, Integer::sum);
        }
        counts.merge(e.path(), 1, Integer::sum);
        byPath.put(e.path(), e);
      }
    }
    List<Entry> diff = new ArrayList<>();
    for (Entry e : byPath.values()) {
      if (counts.get(e.path()) == 1 && !valid.contains(e.path())) {
        diff.add(e);
      }
    }
    diff.sort(
        Comparator.comparing(Entry::dir)
            .thenComparing(e -> -depth(e.path()))
            .thenComparing(Entry::path));
    return diff;
  }

  private long end(String status, Map<String, String> metrics) {
    return table
        .startTransaction()
        .commit(
            new Operation(OperationName.VACUUM_END.recorded(), Map.of("status", status), metrics))
        .version();
  }

  private void checkRetention(Long specified, long configured, boolean checkEnabled) {
    if (specified != null && specified < 0) {
      throw DeltaErrors.invalidArgument(
          "Retention for VACUUM of table " + tableName + " can't be less than 0 hours.");
    }
    if (checkEnabled && specified != null && specified < configured) {
      long hours = TimeUnit.MILLISECONDS.toHours(configured);
      if (TimeUnit.HOURS.toMillis(hours) < configured) {
        hours++;
      }
      throw DeltaErrors.vacuumRetentionTooShort(
          tableName, snapshot.version(), TimeUnit.MILLISECONDS.toHours(specified), hours);
    }
  }

  /**
   * The relative paths VACUUM keeps: every live file and every tombstone newer than {@code
   * deleteBefore}, the directories above them, and their deletion vectors stored in the table.
   */
  private Set<String> validPaths(long deleteBefore) {
    Set<String> valid = new HashSet<>();
    String dvPrefix =
        snapshot.store().configuration().get(DeletionVectorLoader.TEST_FILE_NAME_PREFIX_KEY, "");
    for (AddFile a : snapshot.files()) {
      keep(a.path(), a.deletionVector(), dvPrefix, valid);
    }
    for (RemoveFile r : snapshot.state().tombstones().values()) {
      if (r.deletionTimestampOrZero() >= deleteBefore) {
        keep(r.path(), r.deletionVector(), dvPrefix, valid);
      }
    }
    return valid;
  }

  private void keep(
      String actionPath, DeletionVectorDescriptor dv, String dvPrefix, Set<String> valid) {
    String rel = relative(snapshot.paths().absolute(actionPath));
    if (rel != null) {
      valid.add(rel);
      valid.addAll(parents(rel));
    }
    if (dv != null && dv.storageType().equals("u")) {
      // Only relative deletion vectors can lie in the table (delta-spark ignores absolute ones).
      String dvRel = relative(DeletionVectorLoader.absolutePath(snapshot.root(), dv, dvPrefix));
      if (dvRel != null) {
        valid.add(dvRel);
      }
    }
  }

  /** The path relative to the table root, or null when it lies outside the table. */
  private String relative(Path absolute) {
    String p = absolute.toUri().normalize().getPath();
    return p.startsWith(rootPrefix) ? p.substring(rootPrefix.length()) : null;
  }

  private Path absolute(String relative) {
    return new Path(snapshot.root(), new Path(null, null, relative));
  }

  /** {@code a/b/c} has parents {@code a} and {@code a/b}. */
  private static List<String> parents(String rel) {
    List<String> out = new ArrayList<>();
    for (int i = rel.indexOf('/'); i >= 0; i = rel.indexOf('/', i + 1)) {
      out.add(rel.substring(0, i));
    }
    return out;
  }

  private static int depth(String rel) {
    return parents(rel).size();
  }

  /**
   * Deletes a file or an empty directory; false when it cannot (a directory that is not empty). On
   * local disks a file's Hadoop checksum ({@code .name.crc}, which other writers leave beside data
   * files) goes with it, as Hadoop's checksummed local file system deletes it for delta-spark.
   */
  private static boolean tryDelete(FileSystem fs, Path p) {
    try {
      boolean deleted = fs.delete(p, false);
      if (deleted && "file".equals(p.toUri().getScheme()) && !p.getName().endsWith(".crc")) {
        Path crc = new Path(p.getParent(), "." + p.getName() + ".crc");
        if (fs.exists(crc)) {
          fs.delete(crc, false);
        }
      }
      return deleted;
    } catch (IOException e) {
      return false;
    }
  }
}
