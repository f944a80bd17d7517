package io.deltajdbc.engine.internal.utilities;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.internal.dv.DeletionVectorLoader;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.internal.txn.TableCreator;
import io.deltajdbc.engine.internal.txn.TransactionImpl;
import io.deltajdbc.engine.internal.txn.WriterFeatures;
import io.deltajdbc.engine.txn.IsolationLevel;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.utilities.CloneRequest;
import io.deltajdbc.engine.utilities.CloneResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;

/**
 * SHALLOW CLONE as delta-spark's {@code CloneTableBase.handleClone} does it for a Delta source: the
 * target's new version (0 for a new table) holds the source version's metadata (a new id, no name
 * or description, the source's schema, partitioning and properties) and protocol, and one add per
 * source file whose path, and the path of its deletion vector, is made absolute (protocol: "Add
 * File and Remove File" allows absolute URIs), so the target reads the source's files and never
 * owns them: VACUUM and DROP TABLE of the target only touch files below its own directory. Row IDs
 * are not carried over, as in delta-spark. An existing target is replaced only when it holds no
 * file (delta-spark's {@code cloneReplaceNonEmptyTable}).
 */
public final class ShallowClone {
  private final DeltaTable source;

  public ShallowClone(DeltaTable source) {
    this.source = requireNonNull(source, "source");
  }

  public CloneResult run(String targetPath, Configuration conf, CloneRequest request) {
    SnapshotImpl from = sourceSnapshot(request);
    DeltaTable target = DeltaTable.forPath(targetPath, conf);
    List<AddFile> adds = absoluteAdds(from);
    long size = from.files().stream().mapToLong(AddFile::size).sum();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("source", request.sourceName());
    params.put("sourceVersion", Long.toString(from.version()));
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("sourceTableSize", Long.toString(size));
    metrics.put("sourceNumOfFiles", Long.toString(adds.size()));
    metrics.put("numRemovedFiles", "0");
    metrics.put("numCopiedFiles", "0");
    metrics.put("removedFilesSize", "0");
    metrics.put("copiedFilesSize", "0");
    Operation op = new Operation(OperationName.CLONE.recorded(), params, metrics);
    Metadata m = from.metadata();
    long version;
    if (hasCommit(target)) {
      version = replace(target, targetPath, from, adds, op, request);
    } else {
      Metadata cloned =
          new Metadata(
              UUID.randomUUID().toString(),
              null,
              null,
              m.format(),
              m.schemaString(),
              m.partitionColumns(),
              m.createdTime(),
              m.configuration());
      version =
          TableCreator.commitNew(
              target.logStore(),
              target.root(),
              targetPath,
              from.protocol(),
              cloned,
              adds,
              op,
              false,
              "cloning " + request.sourceName() + " to");
    }
    return new CloneResult(size, adds.size(), 0, 0, 0, 0, from.version(), version);
  }

  private SnapshotImpl sourceSnapshot(CloneRequest request) {
    if (request.version() != null) {
      if (request.version() < 0) {
        throw DeltaErrors.invalidArgument(
            "A version of "
                + request.sourceName()
                + " to clone is 0 or more, not "
                + request.version()
                + ".");
      }
      return (SnapshotImpl) source.snapshotAtVersion(request.version());
    }
    if (request.timestamp() != null) {
      return (SnapshotImpl) source.snapshotAtTimestamp(request.timestamp());
    }
    return (SnapshotImpl) source.latestSnapshot();
  }

  /** True when the table at {@code target} has a commit (a {@code _delta_log} may be empty). */
  static boolean hasCommit(DeltaTable target) {
    if (!target.exists()) {
      return false;
    }
    try {
      target.latestInfo();
      return true;
    } catch (DeltaException e) {
      if (e.code() == ErrorCode.TABLE_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /**
   * CREATE OR REPLACE TABLE ... CLONE onto an existing table: allowed, as in delta-spark, only when
   * the target holds no file; the target keeps its id, name and description, and its protocol is
   * never downgraded.
   */
  private long replace(
      DeltaTable target,
      String targetPath,
      SnapshotImpl from,
      List<AddFile> adds,
      Operation op,
      CloneRequest request) {
    TransactionImpl txn = (TransactionImpl) target.startTransaction(IsolationLevel.SERIALIZABLE);
    SnapshotImpl current = (SnapshotImpl) txn.readSnapshot();
    if (!request.replace()) {
      throw DeltaErrors.tableAlreadyExists(targetPath, current.version());
    }
    if (!current.files().isEmpty()) {
      throw DeltaErrors.invalidArgument(
          "CREATE OR REPLACE TABLE "
              + targetPath
              + " SHALLOW CLONE "
              + request.sourceName()
              + ": the target holds "
              + current.files().size()
              + " file(s) at version "
              + current.version()
              + "; delta-spark replaces only an empty table by a clone. Drop or truncate it"
              + " first.");
    }
    Metadata m = from.metadata();
    Metadata t = current.metadata();
    Metadata cloned =
        new Metadata(
            t.id(),
            t.name(),
            t.description(),
            m.format(),
            m.schemaString(),
            m.partitionColumns(),
            m.createdTime(),
            m.configuration());
    Protocol protocol = Restore.merge(from.protocol(), current.protocol());
    WriterFeatures.checkWritable(targetPath, current.version(), protocol, cloned);
    txn.readWholeTable();
    txn.updateMetadata(cloned);
    txn.updateProtocol(protocol);
    txn.add(adds);
    return txn.commit(op).version();
  }

  /** The source's files as adds of the target: absolute paths, data changed, no row IDs. */
  private static List<AddFile> absoluteAdds(SnapshotImpl from) {
    String dvPrefix =
        from.store().configuration().get(DeletionVectorLoader.TEST_FILE_NAME_PREFIX_KEY, "");
    List<AddFile> out = new ArrayList<>(from.files().size());
    for (AddFile f : from.files()) {
      DeletionVectorDescriptor dv = f.deletionVector();
      if (dv != null && dv.storageType().equals("u")) {
        String absolute =
            DeletionVectorLoader.absolutePath(from.root(), dv, dvPrefix).toUri().toString();
        dv =
            new DeletionVectorDescriptor(
                "p", absolute, dv.offset(), dv.sizeInBytes(), dv.cardinality(), dv.maxRowIndex());
      }
      out.add(
          new AddFile(
              from.paths().absolute(f.path()).toUri().toString(),
              f.partitionValues(),
              f.size(),
              f.modificationTime(),
              true,
              f.stats(),
              f.tags(),
              dv,
              null,
              null,
              f.clusteringProvider()));
    }
    return out;
  }
}
