package io.deltajdbc.engine.internal.txn;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddCDCFile;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.actions.SetTransaction;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.internal.features.TableFeatures;
import io.deltajdbc.engine.internal.log.CommitFile;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.internal.snapshot.SnapshotManager;
import io.deltajdbc.engine.internal.write.TableFileWriter;
import io.deltajdbc.engine.txn.CommitResult;
import io.deltajdbc.engine.txn.IsolationLevel;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.StructField;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * The optimistic transaction. Commit writes version N+1 with create-if-absent; on a lost race it
 * reads each winning commit, applies the conflict rules, and tries the next version, at most {@link
 * #MAX_ATTEMPTS} times. After a commit it runs the post-commit work (checkpoint, cleanup).
 */
public final class TransactionImpl implements Transaction {
  static final int MAX_ATTEMPTS = 1000;
  private static final String SNAPSHOT_ISOLATION = "SnapshotIsolation";

  private final SnapshotManager snapshots;
  private final SnapshotImpl snapshot;
  private final IsolationLevel isolation;
  private final String tablePath;
  private final Path logPath;
  private final ReadSet reads = new ReadSet();
  private final List<AddFile> adds = new ArrayList<>();
  private final List<AddCDCFile> changeFiles = new ArrayList<>();
  private final Map<String, RemoveFile> removes = new LinkedHashMap<>();
  private final Map<String, SetTransaction> txns = new LinkedHashMap<>();
  private final Map<String, DomainMetadata> domains = new LinkedHashMap<>();
  private Metadata newMetadata;
  private Protocol newProtocol;
  private boolean alreadyApplied;
  private boolean constraintsChecked;
  private boolean changeDataFromFileActions;
  private boolean committed;

  public TransactionImpl(
      SnapshotManager snapshots, SnapshotImpl snapshot, IsolationLevel isolation) {
    this.snapshots = requireNonNull(snapshots, "snapshots");
    this.snapshot = requireNonNull(snapshot, "snapshot");
    this.isolation = requireNonNull(isolation, "isolation");
    this.tablePath = snapshot.tablePath();
    this.logPath = FileNames.logPath(snapshot.root());
    WriterFeatures.checkWritable(
        tablePath, snapshot.version(), snapshot.protocol(), snapshot.metadata());
    WriterFeatures.checkStore(tablePath, snapshot.store(), snapshot.root());
  }

  @Override
  public Snapshot readSnapshot() {
    return snapshot;
  }

  @Override
  public IsolationLevel isolationLevel() {
    return isolation;
  }

  @Override
  public void readWholeTable() {
    reads.wholeTable = true;
  }

  @Override
  public void readPredicate(Predicate predicate) {
    reads.predicates.add(requireNonNull(predicate, "predicate"));
  }

  @Override
  public void readFiles(Collection<AddFile> files) {
    files.forEach(f -> reads.files.add(snapshot.paths().key(f.path())));
  }

  @Override
  public boolean setTransaction(String appId, long version) {
    reads.appIds.add(appId);
    long current = snapshot.transactionVersion(appId).orElse(-1L);
    if (current >= version) {
      alreadyApplied = true;
      return false;
    }
    txns.put(appId, new SetTransaction(appId, version, System.currentTimeMillis()));
    return true;
  }

  @Override
  public List<AddFile> write(Iterator<Row> rows) {
    Metadata m = newMetadata != null ? newMetadata : snapshot.metadata();
    Protocol p = newProtocol != null ? newProtocol : snapshot.protocol();
    boolean dv = p.hasWriterFeature("deletionVectors");
    List<AddFile> written =
        new TableFileWriter(snapshot.store().configuration(), snapshot.root(), tablePath, m, dv)
            .write(rows);
    adds.addAll(written);
    return written;
  }

  @Override
  public void add(Collection<AddFile> files) {
    adds.addAll(files);
  }

  @Override
  public void addChangeFiles(Collection<AddCDCFile> files) {
    changeFiles.addAll(files);
  }

  @Override
  public void remove(Collection<AddFile> files) {
    remove(files, true);
  }

  /**
   * Stages the removal of {@code files} with {@code dataChange} as given: false for a rewrite that
   * keeps the rows (OPTIMIZE), which concurrent readers of changes skip.
   */
  public void remove(Collection<AddFile> files, boolean dataChange) {
    long now = System.currentTimeMillis();
    for (AddFile f : files) {
      removes.put(
          snapshot.paths().key(f.path()),
          new RemoveFile(
              f.path(),
              now,
              dataChange,
              true,
              f.partitionValues(),
              f.size(),
              f.stats(),
              f.tags(),
              f.deletionVector(),
              f.baseRowId(),
              f.defaultRowCommitVersion()));
    }
  }

  @Override
  public void addColumns(List<StructField> columns) {
    MetadataUpdates.addColumns(this, tablePath, columns);
  }

  @Override
  public void changeProperties(
      Map<String, String> set, Collection<String> unset, boolean ifExists) {
    MetadataUpdates.changeProperties(this, tablePath, set, unset, ifExists);
  }

  @Override
  public void updateMetadata(Metadata metadata) {
    TableProperties.validate(metadata.configuration());
    this.newMetadata = metadata;
  }

  /** Stages a new protocol (RESTORE, table feature upgrades); never a downgrade by contract. */
  public void updateProtocol(Protocol protocol) {
    this.newProtocol = protocol;
  }

  @Override
  public void setDomainMetadata(DomainMetadata domain) {
    domains.put(domain.domain(), domain);
  }

  @Override
  public void constraintsChecked() {
    this.constraintsChecked = true;
  }

  @Override
  public void changeDataFromFileActions() {
    this.changeDataFromFileActions = true;
  }

  @Override
  public CommitResult commit(Operation operation) {
    if (committed) {
      throw new IllegalStateException("this transaction was committed already");
    }
    committed = true;
    if (alreadyApplied) {
      return new CommitResult(snapshot.version(), 0, true);
    }
    Metadata metadata = newMetadata != null ? newMetadata : snapshot.metadata();
    checkRules(metadata);
    boolean blindAppend =
        !reads.dependsOnData()
            && removes.isEmpty()
            && newMetadata == null
            && adds.stream().allMatch(AddFile::dataChange);
    List<Action> staged = staged();
    ConflictChecker checker =
        new ConflictChecker(
            tablePath,
            metadata,
            reads,
            isolation,
            snapshot.paths(),
            EngineConfig.partitionTimeZone(snapshot.store().configuration()));
    ConflictChecker.Staged ours =
        new ConflictChecker.Staged(
            newProtocol != null,
            newMetadata != null,
            blindAppend,
            removes.values(),
            domains.values());
    String recordedIsolation = changesNoData() ? SNAPSHOT_ISOLATION : isolation.logName();
    boolean ict = TableFeatures.inCommitTimestampsEnabled(metadata);
    long lastTimestamp = snapshot.version() >= 0 ? snapshot.timestamp() : Long.MIN_VALUE;
    String txnId = CommitInfoFactory.newTxnId();
    long version = snapshot.version() + 1;
    for (int attempt = 1; ; attempt++) {
      Long inCommitTimestamp = ict ? Math.max(System.currentTimeMillis(), lastTimestamp + 1) : null;
      List<String> lines = new ArrayList<>(staged.size() + 1);
      lines.add(
          ActionJson.toJson(
              CommitInfoFactory.create(
                  operation,
                  version - 1,
                  recordedIsolation,
                  blindAppend,
                  adds,
                  removes.values(),
                  inCommitTimestamp,
                  txnId)));
      staged.forEach(a -> lines.add(ActionJson.toJson(a)));
      try {
        snapshot.store().write(FileNames.deltaFile(logPath, version), lines.iterator(), false);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw DeltaErrors.tooManyCommitAttempts(tablePath, version, attempt);
        }
        long latest = version;
        while (true) {
          List<Action> winner = readCommit(latest);
          if (winner == null) {
            break;
          }
          WinningCommit w = WinningCommit.of(latest, winner);
          checker.check(w, ours);
          if (w.inCommitTimestamp() != null) {
            lastTimestamp = Math.max(lastTimestamp, w.inCommitTimestamp());
          }
          latest++;
        }
        version = latest;
        continue;
      } catch (IOException e) {
        throw DeltaErrors.storage("committing version " + version + " of", tablePath, e);
      }
      snapshots.committed(version);
      PostCommit.run(snapshots, tablePath, version, metadata);
      return new CommitResult(version, attempt, false);
    }
  }

  /**
   * Table rules checked before writing: append-only tables, change data feed on deletes, and CHECK
   * constraints on added rows (evaluated by the caller, see {@link #constraintsChecked()}).
   */
  private void checkRules(Metadata metadata) {
    // A file re-added with a new deletion vector (its rows minus some) adds no rows.
    boolean addsData =
        adds.stream()
            .anyMatch(
                a ->
                    a.dataChange()
                        && (a.deletionVector() == null
                            || !removes.containsKey(snapshot.paths().key(a.path()))));
    if (addsData && !constraintsChecked && WriterFeatures.hasCheckConstraints(metadata)) {
      throw DeltaErrors.unsupportedWrite(
          tablePath,
          snapshot.version(),
          "it has CHECK constraints (delta.constraints.*), "
              + "which only the DML backend on Apache Spark evaluates; write through it, or check the rows with "
              + "DmlExecutor.checkConstraints and declare it with Transaction.constraintsChecked().");
    }
    boolean deletesData = removes.values().stream().anyMatch(RemoveFile::dataChange);
    if (deletesData
        && "true".equalsIgnoreCase(metadata.property("delta.appendOnly").orElse("false"))) {
      throw DeltaErrors.appendOnly(tablePath, snapshot.version());
    }
    if (deletesData
        && !changeDataFromFileActions
        && changeFiles.isEmpty()
        && "true"
            .equalsIgnoreCase(metadata.property("delta.enableChangeDataFeed").orElse("false"))) {
      throw DeltaErrors.unsupportedWrite(
          tablePath,
          snapshot.version(),
          "the change data feed is enabled (delta.enableChangeDataFeed = true), and this"
              + " commit removes rows without change data files (_change_data/, see"
              + " Transaction.addChangeFiles) or the declaration that readers infer them from its"
              + " file actions (Transaction.changeDataFromFileActions); appends are not affected.");
    }
  }

  /**
   * delta-spark's {@code canDowngradeToSnapshotIsolation}: a commit of file actions that change no
   * data (or of nothing: VACUUM START/END) is recorded at SnapshotIsolation.
   */
  private boolean changesNoData() {
    return newProtocol == null
        && newMetadata == null
        && txns.isEmpty()
        && domains.isEmpty()
        && adds.stream().noneMatch(AddFile::dataChange)
        && removes.values().stream().noneMatch(RemoveFile::dataChange);
  }

  private List<Action> staged() {
    List<Action> out = new ArrayList<>();
    if (newProtocol != null) {
      out.add(newProtocol);
    }
    if (newMetadata != null) {
      out.add(newMetadata);
    }
    out.addAll(txns.values());
    out.addAll(domains.values());
    out.addAll(removes.values());
    out.addAll(adds);
    out.addAll(changeFiles);
    return out;
  }

  /** The actions of a commit file, or null when it does not exist (yet). */
  private List<Action> readCommit(long version) {
    Path file = FileNames.deltaFile(logPath, version);
    List<String> lines;
    try {
      lines = snapshot.store().readLines(file);
    } catch (java.io.FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw DeltaErrors.storage(
          "reading the concurrent commit of version " + version + " of", tablePath, e);
    }
    // A damaged winner fails our commit too: we never write the next version on top of it.
    return CommitFile.parse(tablePath, version, file.toString(), lines);
  }
}
