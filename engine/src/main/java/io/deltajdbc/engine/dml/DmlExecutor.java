package io.deltajdbc.engine.dml;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.engine.utilities.OptimizeRunner;
import java.util.List;

/**
 * Runs row-level DML on a Delta table: each statement reads the table's latest snapshot, rewrites
 * only the files holding affected rows (or writes deletion vectors where the table enables them)
 * and commits one version through the engine's transaction, with the statement's reads registered
 * for conflict detection. Table rules hold on every write (NOT NULL, CHECK constraints, {@code
 * delta.appendOnly}, column types). A statement that fails commits nothing: the table keeps its
 * version and rows. Errors are {@link io.deltajdbc.engine.DeltaException}s. Thread-safe.
 */
public interface DmlExecutor {

  DmlResult delete(DeltaTable table, DeleteSpec spec);

  DmlResult update(DeltaTable table, UpdateSpec spec);

  DmlResult merge(DeltaTable table, MergeSpec spec);

  /**
   * Evaluates the table's CHECK constraints ({@code delta.constraints.*}) on rows about to be
   * written (values in {@code schema} order, which names the table's columns). Throws a {@link
   * io.deltajdbc.engine.DeltaException} with code CONSTRAINT_VIOLATION naming the constraint, the
   * table and the offending values when a row does not satisfy one (NULL fails, as in Delta).
   * Returns at once when the table has no CHECK constraints.
   */
  void checkConstraints(Snapshot snapshot, StructType schema, List<Row> rows);

  /**
   * The runner of OPTIMIZE's bins on this backend's workers, for rewrites too large for one JVM
   * ({@link io.deltajdbc.engine.utilities.OptimizeRequest#largeRewritesOn}).
   */
  OptimizeRunner optimizer();
}
