package io.deltajdbc.engine.internal.utilities;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.internal.txn.TableCreator;
import io.deltajdbc.engine.internal.txn.TransactionImpl;
import io.deltajdbc.engine.internal.txn.WriterFeatures;
import io.deltajdbc.engine.txn.IsolationLevel;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.txn.TableSpec;
import java.util.Iterator;

/**
 * CREATE OR REPLACE TABLE [AS SELECT] as delta-spark's {@code CreateDeltaTableCommand} does it. A
 * missing table is created (version 0, recorded as CREATE OR REPLACE TABLE). An existing one gets
 * one new version that removes every file (dataChange true, so older versions stay readable by time
 * travel until VACUUM), sets the metadata of a new table made from the spec (a new id, schema,
 * partitioning and properties: delta-spark's {@code updateMetadataForNewTable} of {@code
 * getProvidedMetadata}) and, for AS SELECT, adds the query's rows. The protocol is never
 * downgraded: the old one, with what the new metadata needs added.
 */
public final class CreateOrReplace {
  private final DeltaTable table;

  public CreateOrReplace(DeltaTable table) {
    this.table = requireNonNull(table, "table");
  }

  /** The version committed; {@code rows} null for a column list, the query's rows otherwise. */
  public long run(TableSpec spec, Iterator<Row> rows) {
    requireNonNull(spec, "spec");
    String path = table.path();
    if (!ShallowClone.hasCommit(table)) {
      return TableCreator.create(table.logStore(), table.root(), path, spec, rows, true);
    }
    // delta-spark records the table's delta.isolationLevel, Serializable by default (its
    // DeltaConfigs.ISOLATION_LEVEL), not the WriteSerializable its DML uses.
    String level =
        table.latestSnapshot().properties().getOrDefault("delta.isolationLevel", "Serializable");
    TransactionImpl txn =
        (TransactionImpl)
            table.startTransaction(
                level.equalsIgnoreCase("WriteSerializable")
                    ? IsolationLevel.WRITE_SERIALIZABLE
                    : IsolationLevel.SERIALIZABLE);
    SnapshotImpl current = (SnapshotImpl) txn.readSnapshot();
    TableCreator.NewTable replacement = TableCreator.newTable(path, spec);
    Protocol protocol = Restore.merge(current.protocol(), replacement.protocol());
    WriterFeatures.checkWritable(path, current.version(), protocol, replacement.metadata());
    txn.readWholeTable();
    txn.updateMetadata(replacement.metadata());
    if (!protocol.equals(current.protocol())) {
      txn.updateProtocol(protocol);
    }
    txn.remove(current.files());
    // Readers of the change data feed see the replaced rows deleted; delta-spark writes no change
    // data files for a replace either.
    txn.changeDataFromFileActions();
    if (rows != null) {
      txn.write(rows);
    }
    OperationName name =
        rows == null
            ? OperationName.CREATE_OR_REPLACE_TABLE
            : OperationName.CREATE_OR_REPLACE_TABLE_AS_SELECT;
    return txn.commit(Operation.of(name, TableCreator.parameters(replacement.metadata(), true)))
        .version();
  }
}
