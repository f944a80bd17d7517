package io.deltajdbc.engine.txn;

import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.AddCDCFile;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.types.StructField;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An optimistic transaction on one table (protocol: "Optimistic Concurrency Control"). It starts
 * from a snapshot, records what it read, stages actions, and commits them as the next version. When
 * another writer committed first, the winning commits are checked against what this one read and
 * changed; without a logical conflict it commits on top of them, otherwise a {@link
 * ConcurrentModificationException} names the rule and the winning version. Not thread-safe.
 */
public interface Transaction {

  /** The snapshot the transaction reads. */
  Snapshot readSnapshot();

  IsolationLevel isolationLevel();

  /** Records that the whole table was read: any concurrent change of data conflicts. */
  void readWholeTable();

  /**
   * Records a read of the rows matching {@code predicate}: concurrent appends matching it conflict.
   */
  void readPredicate(Predicate predicate);

  /** Records that these files were read: their concurrent removal conflicts. */
  void readFiles(Collection<AddFile> files);

  /**
   * Declares this write as version {@code version} of application {@code appId} (protocol:
   * "Transaction Identifiers"). Returns false when the table already has that version or a newer
   * one: the write was done before and must be skipped (commit is then a no-op).
   */
  boolean setTransaction(String appId, long version);

  /** Writes rows (in the table schema's column order) into new data files and stages their adds. */
  List<AddFile> write(Iterator<Row> rows);

  /** Stages adds of files written elsewhere (paths relative to the table, URI-encoded). */
  void add(Collection<AddFile> files);

  /**
   * Stages change data files written elsewhere ({@code cdc} actions, protocol: "Change Data
   * Files"): the commit's row changes as change data readers see them. A commit with them may
   * remove data from a table recording its change data feed; readers then take its changes from
   * these files only, so they must hold every change of the commit.
   */
  void addChangeFiles(Collection<AddCDCFile> files);

  /** Stages the removal of files, with dataChange true (a logical delete of their rows). */
  void remove(Collection<AddFile> files);

  /** Stages new table metadata (schema, properties). */
  void updateMetadata(Metadata metadata);

  /**
   * Stages new nullable columns at the end of the schema (ALTER TABLE ADD COLUMNS), with column
   * mapping ids and physical names when the table maps columns. Refuses a name the table has
   * (ignoring case) and a NOT NULL column.
   */
  void addColumns(List<StructField> columns);

  /**
   * Stages a change of table properties (ALTER TABLE SET/UNSET TBLPROPERTIES; CHECK constraints are
   * {@code delta.constraints.*} properties), with the protocol upgrade a property that turns on a
   * feature needs. An unset key the table does not have is refused unless {@code ifExists}.
   */
  void changeProperties(Map<String, String> set, Collection<String> unset, boolean ifExists);

  /** Stages a domain metadata change (protocol: "Domain Metadata"). */
  void setDomainMetadata(DomainMetadata domain);

  /**
   * Declares that the rows this transaction adds satisfy the table's CHECK constraints ({@code
   * delta.constraints.*} properties), because the caller evaluated them (the DML backend does, see
   * {@code io.deltajdbc.engine.dml.DmlExecutor#checkConstraints}). Without it a commit that adds
   * rows to a table with CHECK constraints is refused: the engine cannot evaluate Spark SQL itself.
   */
  void constraintsChecked();

  /**
   * Declares that the row changes of this commit are what change data readers infer from its file
   * actions (protocol: "Change Data Files"; delta-spark's CDCReader): a file removed with {@code
   * dataChange} loses all its live rows, unless it is re-added with another deletion vector, whose
   * newly marked rows are then the deleted ones; added files are inserted rows. That holds for a
   * whole-file DELETE and a DELETE by deletion vectors, which delta-spark commits without change
   * data files too. Without it a commit that removes data from a table recording its change data
   * feed ({@code delta.enableChangeDataFeed}) is refused: this engine does not write change data
   * files ({@code _change_data/}) yet.
   */
  void changeDataFromFileActions();

  /** Commits the staged actions as the next version; may retry on top of concurrent commits. */
  CommitResult commit(Operation operation);
}
