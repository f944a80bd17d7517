package io.deltajdbc.calcite.runtime;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.internal.CalciteRows;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.hadoop.conf.Configuration;

/**
 * The runtime of INSERT: the generated code of {@code DeltaTableModify} hands the rows Calcite
 * computed (already cast to the table's column types) to {@link #insert}, which writes them as
 * Parquet files with statistics and commits one Delta version ({@code WRITE}, mode Append). Inside
 * {@link #batch} (a JDBC {@code executeBatch}), rows of all executions are collected and committed
 * once per table when the batch ends: a batch is one commit, or none when it fails.
 */
public final class DeltaWrites {
  private static final ThreadLocal<Map<String, Pending>> BATCH = new ThreadLocal<>();

  private DeltaWrites() {}

  /**
   * Called by generated code: inserts the rows (arrays in the table's column order), returns their
   * count.
   */
  public static Enumerable<Long> insert(DeltaCalciteTable table, Enumerable<Object[]> rows) {
    if (!table.version().isLatest()) {
      throw DeltaErrors.invalidArgument(
          "Cannot write to "
              + table.name()
              + "@"
              + table.version().suffix()
              + ": an old version of a table is read-only; write to "
              + table.name()
              + ".");
    }
    Map<String, Pending> batch = BATCH.get();
    if (batch != null) {
      Pending p = batch.computeIfAbsent(table.table().root().toString(), k -> new Pending(table));
      long n = 0;
      for (Object[] r : rows) {
        p.rows.add(CalciteRows.toEngine(r, p.schema));
        n++;
      }
      return Linq4j.singletonEnumerable(n);
    }
    Transaction txn = table.table().startTransaction();
    StructType schema = txn.readSnapshot().schema();
    CalciteRows.Counted<Row> converted =
        new CalciteRows.Counted<>(rows.iterator(), r -> CalciteRows.toEngine((Object[]) r, schema));
    commit(table, txn, converted);
    return Linq4j.singletonEnumerable(converted.count());
  }

  /**
   * Inserts rows given as parameter values (Calcite's representation: DATE as days, TIMESTAMP as
   * microseconds, binary as ByteString), converted to the columns' types; strings are accepted for
   * numeric, date and time columns. Inside a batch the rows join the batch's commit.
   */
  public static long insertRows(DeltaCalciteTable table, List<Object[]> rows) {
    StructType schema = table.schema();
    List<Row> converted = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      Object[] out = new Object[r.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = ParameterValues.toEngine(table.name(), schema.field(i), r[i]);
      }
      converted.add(Row.wrap(out));
    }
    Map<String, Pending> batch = BATCH.get();
    if (batch != null) {
      batch
          .computeIfAbsent(table.table().root().toString(), k -> new Pending(table))
          .rows
          .addAll(converted);
    } else {
      commit(table, table.table().startTransaction(), converted.iterator());
    }
    return converted.size();
  }

  /**
   * Runs {@code body} (the executions of a batch) with inserts collected, then commits the rows of
   * each table in one transaction. When the body fails nothing is committed.
   */
  public static <T> T batch(Callable<T> body) throws Exception {
    if (BATCH.get() != null) {
      return body.call();
    }
    Map<String, Pending> pending = new LinkedHashMap<>();
    BATCH.set(pending);
    T result;
    try {
      result = body.call();
    } finally {
      BATCH.remove();
    }
    for (Pending p : pending.values()) {
      commit(p.table, p.table.table().startTransaction(), p.rows.iterator());
    }
    return result;
  }

  private static void commit(DeltaCalciteTable table, Transaction txn, Iterator<Row> rows) {
    txn.write(checked(table.table().logStore().configuration(), txn, rows));
    txn.commit(Operation.append());
  }

  /**
   * The rows, once the table's CHECK constraints ({@code delta.constraints.*}, Spark SQL) hold for
   * all of them: they are evaluated by the DML executor, so a table with constraints starts Spark
   * on its first INSERT; a table without constraints streams its rows straight to the writer.
   */
  public static Iterator<Row> checked(Configuration conf, Transaction txn, Iterator<Row> rows) {
    Snapshot snapshot = txn.readSnapshot();
    boolean constrained =
        snapshot.properties().keySet().stream().anyMatch(k -> k.startsWith("delta.constraints."));
    if (!constrained) {
      return rows;
    }
    List<Row> all = new ArrayList<>();
    rows.forEachRemaining(all::add);
    DmlBackend.executor(conf).checkConstraints(snapshot, snapshot.schema(), all);
    txn.constraintsChecked();
    return all.iterator();
  }

  /** Rows of one table collected in a batch. */
  private static final class Pending {
    final DeltaCalciteTable table;
    final StructType schema;
    final List<Row> rows = new ArrayList<>();

    Pending(DeltaCalciteTable table) {
      this.table = table;
      this.schema = table.schema();
    }
  }
}
