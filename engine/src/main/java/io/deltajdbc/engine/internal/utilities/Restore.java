package io.deltajdbc.engine.internal.utilities;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.FileKey;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.internal.dv.DeletionVectorLoader;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.internal.txn.TransactionImpl;
import io.deltajdbc.engine.internal.txn.WriterFeatures;
import io.deltajdbc.engine.txn.IsolationLevel;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.utilities.RestoreResult;
import io.deltajdbc.engine.utilities.RestoreTarget;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * RESTORE as delta-spark's {@code RestoreTableCommand} does it: one Serializable commit that adds
 * back the files of the target version the latest one lacks and removes the files the target lacks
 * (files compared by path and deletion vector), with the target's metadata and the protocol of both
 * merged (never a downgrade). Refused before anything is written when the target is not older than
 * the latest version, or when a file it adds back is gone.
 */
public final class Restore {
  private static final int MISSING_SHOWN = 100;
  private static final Set<String> LEGACY_READER_WRITER = Set.of("columnMapping");

  private final DeltaTable table;
  private final String tableName;

  public Restore(DeltaTable table) {
    this.table = requireNonNull(table, "table");
    this.tableName = table.path();
  }

  public RestoreResult run(RestoreTarget target) {
    TransactionImpl txn = (TransactionImpl) table.startTransaction(IsolationLevel.SERIALIZABLE);
    SnapshotImpl latest = (SnapshotImpl) txn.readSnapshot();
    long version = resolve(target, latest);
    if (version >= latest.version()) {
      throw DeltaErrors.restoreTargetNotFound(
          tableName,
          "the version to restore ("
              + version
              + ") must be older than the latest version ("
              + latest.version()
              + ").");
    }
    SnapshotImpl source = (SnapshotImpl) table.snapshotAtVersion(version);

    Set<FileKey> inLatest = new HashSet<>();
    latest.files().forEach(f -> inLatest.add(f.key()));
    Set<FileKey> inSource = new HashSet<>();
    source.files().forEach(f -> inSource.add(f.key()));
    List<AddFile> toAdd = new ArrayList<>();
    for (AddFile f : source.files()) {
      if (!inLatest.contains(f.key())) {
        toAdd.add(f.dataChange() ? f : f.withDataChange(true));
      }
    }
    List<AddFile> toRemove = new ArrayList<>();
    for (AddFile f : latest.files()) {
      if (!inSource.contains(f.key())) {
        toRemove.add(f);
      }
    }
    checkFilesExist(source, toAdd);

    Protocol protocol = merge(source.protocol(), latest.protocol());
    WriterFeatures.checkWritable(tableName, latest.version(), protocol, source.metadata());
    txn.readWholeTable();
    // The files added back held rows of an earlier version: delta-spark's RESTORE evaluates no
    // CHECK constraint on them either.
    txn.constraintsChecked();
    txn.updateMetadata(source.metadata());
    txn.updateProtocol(protocol);
    txn.add(toAdd);
    txn.remove(toRemove);
    // delta-spark's RESTORE writes no change data files: readers infer its changes from the files
    txn.changeDataFromFileActions();

    long restoredSize = toAdd.stream().mapToLong(AddFile::size).sum();
    long removedSize = toRemove.stream().mapToLong(AddFile::size).sum();
    long sizeAfter = source.files().stream().mapToLong(AddFile::size).sum();
    long filesAfter = source.files().size();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("version", target.version() == null ? null : Long.toString(target.version()));
    // delta-spark records the time as java.sql.Timestamp prints it (the JVM's time zone).
    params.put(
        "timestamp",
        target.timestamp() == null ? null : Timestamp.from(target.timestamp()).toString());
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("numRestoredFiles", Long.toString(toAdd.size()));
    metrics.put("restoredFilesSize", Long.toString(restoredSize));
    metrics.put("numRemovedFiles", Long.toString(toRemove.size()));
    metrics.put("removedFilesSize", Long.toString(removedSize));
    metrics.put("numOfFilesAfterRestore", Long.toString(filesAfter));
    metrics.put("tableSizeAfterRestore", Long.toString(sizeAfter));
    long committed =
        txn.commit(new Operation(OperationName.RESTORE.recorded(), params, metrics)).version();
    return new RestoreResult(
        sizeAfter, filesAfter, toRemove.size(), toAdd.size(), removedSize, restoredSize, committed);
  }

  /** The version a target names: its version, or the latest committed at or before its time. */
  private long resolve(RestoreTarget target, Snapshot latest) {
    if (target.version() != null) {
      if (target.version() < 0) {
        throw DeltaErrors.restoreTargetNotFound(
            tableName, "a table version is 0 or more, not " + target.version() + ".");
      }
      return target.version();
    }
    try {
      return table.snapshotAtTimestamp(target.timestamp()).version();
    } catch (DeltaException e) {
      // delta-spark takes the latest commit for a time after it (and then refuses it as not
      // older than the latest version); a time before the first commit stays an error.
      if (e.code() == ErrorCode.TIMESTAMP_OUT_OF_RANGE
          && target.timestamp().toEpochMilli() > latest.timestamp()) {
        return latest.version();
      }
      throw e;
    }
  }

  /**
   * delta-spark's missing-files check of the files RESTORE adds back (and, beyond it, their
   * deletion vectors): a vacuumed version cannot be restored.
   */
  private void checkFilesExist(SnapshotImpl source, List<AddFile> toAdd) {
    FileSystem fs;
    try {
      fs = source.root().getFileSystem(source.store().configuration());
    } catch (IOException e) {
      throw DeltaErrors.storage("opening the file system of", tableName, e);
    }
    String dvPrefix =
        source.store().configuration().get(DeletionVectorLoader.TEST_FILE_NAME_PREFIX_KEY, "");
    TreeSet<String> missing = new TreeSet<>();
    int total = 0;
    for (AddFile f : toAdd) {
      List<Path> needed = new ArrayList<>(2);
      needed.add(source.paths().absolute(f.path()));
      if (f.deletionVector() != null && !f.deletionVector().isInline()) {
        needed.add(DeletionVectorLoader.absolutePath(source.root(), f.deletionVector(), dvPrefix));
      }
      for (Path p : needed) {
        try {
          if (!fs.exists(p)) {
            total++;
            if (missing.size() < MISSING_SHOWN) {
              missing.add(p.toString());
            }
          }
        } catch (IOException e) {
          throw DeltaErrors.storage("checking", p.toString(), e);
        }
      }
    }
    if (total > 0) {
      throw DeltaErrors.restoreFilesMissing(
          tableName, source.version(), List.copyOf(missing), total);
    }
  }

  /**
   * delta-spark's {@code Protocol.merge}: the higher versions, the union of the features, and once
   * the result lists features, the legacy features either side implied listed too.
   */
  static Protocol merge(Protocol a, Protocol b) {
    int reader = Math.max(a.minReaderVersion(), b.minReaderVersion());
    int writer = Math.max(a.minWriterVersion(), b.minWriterVersion());
    if (reader < 3 && writer < 7) {
      return new Protocol(reader, writer);
    }
    Set<String> readerFeatures = new TreeSet<>();
    Set<String> writerFeatures = new TreeSet<>();
    for (Protocol p : List.of(a, b)) {
      if (p.readerFeatures() != null) {
        readerFeatures.addAll(p.readerFeatures());
      }
      if (p.writerFeatures() != null) {
        writerFeatures.addAll(p.writerFeatures());
      }
      for (String implicit : implicitFeatures(p)) {
        writerFeatures.add(implicit);
        if (LEGACY_READER_WRITER.contains(implicit)) {
          readerFeatures.add(implicit);
        }
      }
    }
    return new Protocol(
        reader, writer, reader >= 3 ? readerFeatures : null, writer >= 7 ? writerFeatures : null);
  }

  private static List<String> implicitFeatures(Protocol p) {
    if (p.supportsReaderFeatures() && p.supportsWriterFeatures()) {
      return List.of();
    }
    List<String> all = new ArrayList<>(DetailReader.features(p));
    if (p.readerFeatures() != null) {
      all.removeAll(p.readerFeatures());
    }
    if (p.writerFeatures() != null) {
      all.removeAll(p.writerFeatures());
    }
    return all;
  }
}
