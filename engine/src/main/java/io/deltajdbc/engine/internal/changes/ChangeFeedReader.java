package io.deltajdbc.engine.internal.changes;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.AddCDCFile;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.CommitInfo;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.changes.ChangeColumns;
import io.deltajdbc.engine.changes.ChangeRange;
import io.deltajdbc.engine.changes.TableChanges;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.files.RoaringBitmapArray;
import io.deltajdbc.engine.internal.dv.DeletionVectorLoader;
import io.deltajdbc.engine.internal.log.CommitFile;
import io.deltajdbc.engine.internal.replay.PathCanonicalizer;
import io.deltajdbc.engine.internal.snapshot.SnapshotManager;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The changes of a range of versions, as delta-spark's {@code CDCReader.changesToDF} finds them:
 * the change data must be recorded ({@code delta.enableChangeDataFeed}) at the start and at every
 * metadata change in the range; a commit with {@code cdc} files is read from them only, another
 * from its add and remove files with {@code dataChange} (inserts and deletes), except a MERGE whose
 * metrics say it changed no row; a file removed and re-added in one commit changes the rows that
 * one deletion vector marks and the other does not. Rows have the latest version's schema.
 */
public final class ChangeFeedReader implements TableChanges {
  private final String table;
  private final Path root;
  private final Configuration conf;
  private final Metadata readMetadata;
  private final StructType schema;
  private final long start;
  private final long end;
  private final List<ChangeScan> scans;

  private ChangeFeedReader(
      String table,
      Path root,
      Configuration conf,
      Metadata readMetadata,
      long start,
      long end,
      List<ChangeScan> scans) {
    this.table = table;
    this.root = root;
    this.conf = conf;
    this.readMetadata = readMetadata;
    this.schema = ChangeColumns.schemaOf(readMetadata.parseSchema());
    this.start = start;
    this.end = end;
    this.scans = List.copyOf(scans);
  }

  /** Resolves and checks {@code range}, and plans the files of its commits. */
  public static TableChanges plan(SnapshotManager snapshots, String table, ChangeRange range) {
    requireNonNull(range, "range");
    Snapshot latest = snapshots.latest();
    NavigableMap<Long, Long> times = snapshots.commitTimes();
    ChangeVersions versions = ChangeVersions.resolve(table, range, latest.version(), times);
    Configuration conf = snapshots.store().configuration();
    if (versions.empty()) {
      return new ChangeFeedReader(
          table,
          snapshots.root(),
          conf,
          latest.metadata(),
          versions.start(),
          versions.end(),
          List.of());
    }
    long start = versions.start();
    long end = versions.end();
    if (!cdfEnabled(snapshots.metadataAt(start))) {
      throw DeltaErrors.changeDataNotRecorded(table, start, start, end);
    }
    NavigableMap<Long, FileInfo> commits = snapshots.loader().listAll().deltas();
    Planner planner = new Planner(table, snapshots.root(), conf);
    for (long v = start; v <= end; v++) {
      FileInfo file = commits.get(v);
      if (file == null) {
        continue; // cleaned up by log retention: delta-spark skips it too (failOnDataLoss=false)
      }
      List<Action> actions;
      try {
        actions =
            CommitFile.parse(
                table, v, file.path().toString(), snapshots.store().readLines(file.path()));
      } catch (IOException e) {
        throw DeltaErrors.storage("reading commit", file.path().toString(), e);
      }
      for (Action a : actions) {
        if (a instanceof Metadata m && !cdfEnabled(m)) {
          throw DeltaErrors.changeDataNotRecorded(table, v, start, end);
        }
      }
      Long time = times.get(v);
      planner.commit(v, time == null ? null : Instant.ofEpochMilli(time), actions);
    }
    return new ChangeFeedReader(
        table, snapshots.root(), conf, latest.metadata(), start, end, planner.scans);
  }

  /** delta-spark's {@code isCDCEnabledOnTable}: the table property, as a boolean. */
  static boolean cdfEnabled(Metadata metadata) {
    return metadata
        .property("delta.enableChangeDataFeed")
        .map(v -> v.trim().equalsIgnoreCase("true"))
        .orElse(false);
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public long startVersion() {
    return start;
  }

  @Override
  public long endVersion() {
    return end;
  }

  @Override
  public CloseableIterator<Row> rows() {
    return new ChangeRows(table, root, conf, readMetadata, scans);
  }

  /** Turns each commit's file actions into the files to read. */
  private static final class Planner {
    private final String table;
    private final Path root;
    private final Configuration conf;
    private final PathCanonicalizer paths;
    final List<ChangeScan> scans = new ArrayList<>();

    Planner(String table, Path root, Configuration conf) {
      this.table = table;
      this.root = root;
      this.conf = conf;
      this.paths = new PathCanonicalizer(root);
    }

    void commit(long version, Instant time, List<Action> actions) {
      List<AddCDCFile> cdc = new ArrayList<>();
      Map<String, AddFile> adds = new LinkedHashMap<>();
      Map<String, RemoveFile> removes = new LinkedHashMap<>();
      CommitInfo info = null;
      for (Action a : actions) {
        if (a instanceof AddCDCFile c) {
          cdc.add(c);
        } else if (a instanceof AddFile add && add.dataChange()) {
          adds.put(add.path(), add);
        } else if (a instanceof RemoveFile r && r.dataChange()) {
          removes.put(r.path(), r);
        } else if (a instanceof CommitInfo ci) {
          info = ci;
        }
      }
      if (!cdc.isEmpty()) {
        for (AddCDCFile c : cdc) {
          AddFile f =
              new AddFile(
                  c.path(),
                  c.partitionValues(),
                  c.size(),
                  0,
                  false,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null);
          scans.add(new ChangeScan(version, time, f, null, null, null));
        }
        return;
      }
      if (info != null && mergeChangedNoRow(info)) {
        return;
      }
      for (AddFile add : adds.values()) {
        RemoveFile removed = removes.get(add.path());
        if (removed == null) {
          scans.add(new ChangeScan(version, time, add, ChangeColumns.INSERT, null, null));
        } else {
          compareDeletionVectors(version, time, add, removed);
        }
      }
      for (RemoveFile r : removes.values()) {
        if (!adds.containsKey(r.path())) {
          scans.add(
              new ChangeScan(
                  version, time, asAdd(r, r.deletionVector()), ChangeColumns.DELETE, null, null));
        }
      }
    }

    /**
     * A file removed and re-added in one commit with another deletion vector: the rows the new one
     * marks and the old did not are deleted, those the old marks and the new does not re-inserted
     * (a RESTORE).
     */
    private void compareDeletionVectors(
        long version, Instant time, AddFile add, RemoveFile removed) {
      DeletionVectorDescriptor before = removed.deletionVector();
      DeletionVectorDescriptor after = add.deletionVector();
      if (before == null && after == null) {
        return; // the same rows, re-added: no row changed
      }
      RoaringBitmapArray beforeRows = before == null ? null : load(before);
      RoaringBitmapArray afterRows = after == null ? null : load(after);
      AddFile whole = asAdd(removed, null);
      if (afterRows != null) {
        scans.add(
            new ChangeScan(version, time, whole, ChangeColumns.DELETE, afterRows, beforeRows));
      }
      if (beforeRows != null) {
        scans.add(
            new ChangeScan(version, time, whole, ChangeColumns.INSERT, beforeRows, afterRows));
      }
    }

    private RoaringBitmapArray load(DeletionVectorDescriptor dv) {
      return DeletionVectorLoader.load(conf, root, dv, table);
    }

    private AddFile asAdd(RemoveFile r, DeletionVectorDescriptor dv) {
      long size;
      if (r.size() != null) {
        size = r.size();
      } else {
        Path file = paths.absolute(r.path());
        try {
          size = file.getFileSystem(conf).getFileStatus(file).getLen();
        } catch (IOException e) {
          throw DeltaErrors.storage("reading", file.toString(), e);
        }
      }
      return new AddFile(
          r.path(), r.partitionValues(), size, 0, true, r.stats(), null, dv, null, null, null);
    }
  }

  /**
   * delta-spark's {@code shouldSkipFileActionsInCommit}: a MERGE whose metrics say it inserted,
   * updated and deleted no row changed none, whatever files it rewrote.
   */
  private static boolean mergeChangedNoRow(CommitInfo info) {
    if (!"MERGE".equals(info.operation().orElse(null))) {
      return false;
    }
    if (!(info.values().get("operationMetrics") instanceof Map<?, ?> metrics)) {
      return false;
    }
    for (String m :
        List.of("numTargetRowsInserted", "numTargetRowsUpdated", "numTargetRowsDeleted")) {
      Object v = metrics.get(m);
      if (v == null || !"0".equals(v.toString())) {
        return false;
      }
    }
    return true;
  }
}
