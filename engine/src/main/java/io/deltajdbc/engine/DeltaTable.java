package io.deltajdbc.engine;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.changes.ChangeRange;
import io.deltajdbc.engine.changes.TableChanges;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.changes.ChangeFeedReader;
import io.deltajdbc.engine.internal.drop.OwnedFileCollector;
import io.deltajdbc.engine.internal.drop.TableDeleter;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.internal.snapshot.SnapshotManager;
import io.deltajdbc.engine.internal.txn.TableCreator;
import io.deltajdbc.engine.internal.txn.TransactionImpl;
import io.deltajdbc.engine.internal.utilities.ConvertToDelta;
import io.deltajdbc.engine.internal.utilities.CreateOrReplace;
import io.deltajdbc.engine.internal.utilities.DetailReader;
import io.deltajdbc.engine.internal.utilities.HistoryReader;
import io.deltajdbc.engine.internal.utilities.Optimize;
import io.deltajdbc.engine.internal.utilities.Restore;
import io.deltajdbc.engine.internal.utilities.ShallowClone;
import io.deltajdbc.engine.internal.utilities.Vacuum;
import io.deltajdbc.engine.storage.Locations;
import io.deltajdbc.engine.storage.LogStore;
import io.deltajdbc.engine.storage.LogStores;
import io.deltajdbc.engine.txn.IsolationLevel;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.utilities.CloneRequest;
import io.deltajdbc.engine.utilities.CloneResult;
import io.deltajdbc.engine.utilities.ConvertRequest;
import io.deltajdbc.engine.utilities.ConvertResult;
import io.deltajdbc.engine.utilities.HistoryEntry;
import io.deltajdbc.engine.utilities.OptimizeRequest;
import io.deltajdbc.engine.utilities.OptimizeResult;
import io.deltajdbc.engine.utilities.RestoreResult;
import io.deltajdbc.engine.utilities.RestoreTarget;
import io.deltajdbc.engine.utilities.TableDetail;
import io.deltajdbc.engine.utilities.VacuumRequest;
import io.deltajdbc.engine.utilities.VacuumResult;
import io.deltajdbc.engine.warehouse.DropResult;
import io.deltajdbc.engine.warehouse.OwnedFiles;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A Delta table at a path: the entry point of the engine. Snapshots of the latest version are
 * refreshed incrementally: a second {@link #latestSnapshot()} reads only the commits written since
 * the first. Thread-safe.
 */
public final class DeltaTable {
  private final String path;
  private final SnapshotManager snapshots;

  private DeltaTable(String path, SnapshotManager snapshots) {
    this.path = path;
    this.snapshots = snapshots;
  }

  /** The table at {@code path} (a local path or a Hadoop URI), with a default configuration. */
  public static DeltaTable forPath(String path) {
    return forPath(path, DefaultConfiguration.get());
  }

  /** The table at {@code path}, with storage configured by {@code conf}. */
  public static DeltaTable forPath(String path, Configuration conf) {
    requireNonNull(path, "path");
    requireNonNull(conf, "conf");
    Path root = qualify(path, conf);
    LogStore store = LogStores.forPath(root, conf);
    return new DeltaTable(path, new SnapshotManager(store, root, path));
  }

  /**
   * Creates a table at {@code path} (version 0) and returns it. Fails with {@link
   * ErrorCode#TABLE_ALREADY_EXISTS} when a table is there already.
   */
  public static DeltaTable create(String path, Configuration conf, TableSpec spec) {
    return create(path, conf, spec, null);
  }

  /**
   * Creates a table whose version 0 also holds {@code rows} (values in the schema's column order).
   */
  public static DeltaTable create(
      String path, Configuration conf, TableSpec spec, Iterator<Row> rows) {
    DeltaTable table = forPath(path, conf);
    TableCreator.create(table.logStore(), table.root(), path, spec, rows);
    return table;
  }

  /**
   * CREATE OR REPLACE TABLE (delta-spark's): creates the table at {@code path} as {@link
   * #create(String, Configuration, TableSpec, Iterator)} does when it has no commit; otherwise
   * commits one version that removes every file, sets the metadata of a new table made from {@code
   * spec} (a new id, as delta-spark gives it) and adds {@code rows} when not null (AS SELECT). The
   * old versions stay readable by time travel; the protocol is never downgraded.
   */
  public static DeltaTable createOrReplace(
      String path, Configuration conf, TableSpec spec, Iterator<Row> rows) {
    DeltaTable table = forPath(path, conf);
    new CreateOrReplace(table).run(spec, rows);
    return table;
  }

  /**
   * Starts a transaction on the latest snapshot, at the table's isolation level ({@code
   * delta.isolationLevel}, WriteSerializable by default).
   */
  public Transaction startTransaction() {
    SnapshotImpl s = (SnapshotImpl) latestSnapshot();
    String level = s.properties().getOrDefault("delta.isolationLevel", "WriteSerializable");
    return new TransactionImpl(
        snapshots,
        s,
        level.equalsIgnoreCase("Serializable")
            ? IsolationLevel.SERIALIZABLE
            : IsolationLevel.WRITE_SERIALIZABLE);
  }

  /** Starts a transaction on the latest snapshot at the given isolation level. */
  public Transaction startTransaction(IsolationLevel isolation) {
    return new TransactionImpl(snapshots, (SnapshotImpl) latestSnapshot(), isolation);
  }

  /** The path the table was opened with. */
  public String path() {
    return path;
  }

  /** The fully qualified table root. */
  public Path root() {
    return snapshots.root();
  }

  public LogStore logStore() {
    return snapshots.store();
  }

  /** The latest version's snapshot, built incrementally from the previous one when possible. */
  public Snapshot latestSnapshot() {
    return snapshots.latest();
  }

  /** The latest version's protocol, metadata and schema, without loading the list of files. */
  public TableInfo latestInfo() {
    return snapshots.latestInfo();
  }

  /**
   * The newest version this handle knows of without reading storage (its latest snapshot, or a
   * commit made through it), or -1: lets a caller tell whether information it read earlier is older
   * than a commit of its own.
   */
  public long knownVersion() {
    return snapshots.knownVersion();
  }

  /** Time travel: the snapshot of one version. */
  public Snapshot snapshotAtVersion(long version) {
    return snapshots.atVersion(version);
  }

  /** Time travel: the snapshot of the latest version committed at or before {@code timestamp}. */
  public Snapshot snapshotAtTimestamp(Instant timestamp) {
    return snapshots.atTimestamp(timestamp);
  }

  /**
   * The change data feed of a range of versions (delta-spark's {@code table_changes}): the rows
   * each commit inserted, deleted or updated (pre- and post-images), with the latest version's
   * columns and {@link io.deltajdbc.engine.changes.ChangeColumns}' three. Refused when the start is
   * after the latest version ({@link ErrorCode#VERSION_OUT_OF_RANGE}), a time is outside the
   * commits ({@link ErrorCode#TIMESTAMP_OUT_OF_RANGE}), the end is before the start ({@link
   * ErrorCode#INVALID_CHANGE_RANGE}), or a version of the range did not record change data ({@link
   * ErrorCode#CHANGE_DATA_NOT_RECORDED}).
   */
  public TableChanges changes(ChangeRange range) {
    return ChangeFeedReader.plan(snapshots, path, range);
  }

  /** True when a Delta log exists at the path. */
  public boolean exists() {
    try {
      Path log = new Path(root(), "_delta_log");
      return log.getFileSystem(snapshots.store().configuration()).exists(log);
    } catch (IOException e) {
      throw DeltaErrors.storage("checking", path, e);
    }
  }

  /**
   * The files this table owns below its directory: its {@code _delta_log} and {@code _change_data},
   * and every data, change-data and deletion-vector file its log still names (active in some
   * version, or named by a remove tombstone). Reads every commit and checkpoint of the log.
   */
  public OwnedFiles ownedFiles() {
    return new OwnedFileCollector(snapshots.store(), root(), path).collect();
  }

  /**
   * Deletes the table: its log first, then the files it owns ({@link #ownedFiles()}), its change
   * data, and the directories left empty; its directory too when nothing else is left. Files it
   * does not own stay and are listed in the result. Never follows a symbolic link: a table whose
   * directory is a link is refused ({@link ErrorCode#LOCATION_NOT_PERMITTED}), and nothing is
   * deleted when the log cannot be read.
   */
  public DropResult drop() {
    OwnedFiles owned = ownedFiles();
    return TableDeleter.drop(owned, path, snapshots.store().configuration());
  }

  /**
   * The table's history, newest first: delta-spark's {@code DESCRIBE HISTORY}, one entry per commit
   * file still in the log.
   */
  public List<HistoryEntry> history() {
    return new HistoryReader(snapshots, path).read(-1);
  }

  /**
   * The newest {@code limit} commits ({@code DESCRIBE HISTORY ... LIMIT n}): versions {@code latest
   * - limit + 1} to {@code latest}, those still in the log.
   */
  public List<HistoryEntry> history(int limit) {
    if (limit < 0) {
      throw DeltaErrors.invalidArgument(
          "The history limit must be 0 or more, not " + limit + " (table " + path + ").");
    }
    return new HistoryReader(snapshots, path).read(limit);
  }

  /** delta-spark's {@code DESCRIBE DETAIL} of the latest version. */
  public TableDetail detail() {
    return DetailReader.describe((SnapshotImpl) latestSnapshot());
  }

  /**
   * VACUUM (delta-spark's): deletes the files below the table that its latest version does not name
   * and that are older than the retention, and directories holding no such file; keeps what
   * tombstones within the retention name. A retention below {@code
   * delta.deletedFileRetentionDuration} is refused ({@link ErrorCode#RETENTION_TOO_SHORT}) unless
   * {@link EngineConfig#VACUUM_RETENTION_CHECK} is false. A dry run deletes and commits nothing.
   */
  public VacuumResult vacuum(VacuumRequest request) {
    requireNonNull(request, "request");
    return new Vacuum(this).run(request);
  }

  /**
   * RESTORE (delta-spark's): one commit that makes the latest version hold the files and metadata
   * of an older version, keeping the higher protocol. Refused, with nothing written, when the
   * target is not older than the latest version ({@link ErrorCode#VERSION_OUT_OF_RANGE}), before
   * the first commit ({@link ErrorCode#TIMESTAMP_OUT_OF_RANGE}), or when a file it needs is gone
   * ({@link ErrorCode#RESTORE_FILE_MISSING}).
   */
  public RestoreResult restore(RestoreTarget target) {
    requireNonNull(target, "target");
    return new Restore(this).run(target);
  }

  /**
   * SHALLOW CLONE (delta-spark's): makes the table at {@code targetPath} a clone of a version of
   * this one, its version 0 naming this table's files by absolute path (nothing is copied) with
   * this version's schema, partitioning, properties and protocol. An existing target is refused
   * ({@link ErrorCode#TABLE_ALREADY_EXISTS}) unless the request allows replacing it and it holds no
   * file; a version this table cannot read is refused ({@link ErrorCode#VERSION_OUT_OF_RANGE},
   * {@link ErrorCode#TIMESTAMP_OUT_OF_RANGE}); nothing is written then.
   */
  public CloneResult shallowClone(String targetPath, Configuration conf, CloneRequest request) {
    requireNonNull(targetPath, "targetPath");
    requireNonNull(conf, "conf");
    requireNonNull(request, "request");
    return new ShallowClone(this).run(targetPath, conf, request);
  }

  /**
   * OPTIMIZE (delta-spark's): compacts the small files of the partitions the request selects into
   * larger ones, or Z-orders them by the request's columns, in one commit that changes no data (a
   * concurrent blind append does not conflict with it); no commit when nothing needs rewriting.
   * Runs in this JVM (a bin's rows are held in memory), or for large rewrites on the request's
   * runner (the Spark backend's, {@link io.deltajdbc.engine.dml.DmlExecutor#optimizer}).
   */
  public OptimizeResult optimize(OptimizeRequest request) {
    requireNonNull(request, "request");
    return new Optimize(this, snapshots.store().configuration()).run(request);
  }

  /**
   * CONVERT TO DELTA (delta-spark's, for a Parquet folder): makes the folder at {@code path} a
   * Delta table whose version 0 adds every Parquet file in it, with the schema merged from the
   * files' footers and the declared partition columns parsed from {@code col=value} directories. A
   * folder that is a Delta table already is left unchanged ({@link ConvertResult#alreadyDelta}). An
   * empty folder, a file that is not Parquet, schemas that do not merge and directories that do not
   * match the partition columns are refused ({@link ErrorCode#NOT_A_PARQUET_TABLE}), a partition
   * value not of its column's type too ({@link ErrorCode#INVALID_CAST}); nothing is written then.
   */
  public static ConvertResult convertToDelta(
      String path, Configuration conf, ConvertRequest request) {
    requireNonNull(request, "request");
    DeltaTable table = forPath(path, conf);
    return new ConvertToDelta(table, conf).run(request);
  }

  private static Path qualify(String path, Configuration conf) {
    try {
      return Locations.qualify(path, conf);
    } catch (IOException e) {
      throw DeltaErrors.storage("opening", path, e);
    } catch (IllegalArgumentException e) {
      throw DeltaErrors.invalidArgument(
          "Not a valid table path: " + path + " (" + e.getMessage() + ")");
    }
  }

  /**
   * A copy of the engine's default Hadoop configuration, to adjust and pass to {@link
   * #forPath(String, Configuration)}. Local files are read without Hadoop's {@code .crc} side
   * files: other Delta writers do not keep them current, and a stale one would make a valid file
   * unreadable.
   */
  public static Configuration defaultConfiguration() {
    return new Configuration(DefaultConfiguration.get());
  }

  /** A lazily built default Hadoop configuration (building one reads several resources). */
  private static final class DefaultConfiguration {
    private static final Configuration CONF = create();

    private static Configuration create() {
      Configuration conf = new Configuration();
      conf.set("fs.file.impl", io.deltajdbc.engine.storage.NioLocalFileSystem.class.getName());
      conf.setBoolean("fs.file.impl.disable.cache", true);
      return conf;
    }

    static Configuration get() {
      return CONF;
    }
  }
}
