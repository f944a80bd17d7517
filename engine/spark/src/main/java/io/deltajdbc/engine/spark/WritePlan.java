package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddCDCFile;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.files.DataFileWriter;
import io.deltajdbc.engine.files.TableFiles;
import io.deltajdbc.engine.types.StructType;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Writes a statement's output rows into new data files inside Spark tasks, with the engine's writer
 * (partition directories, statistics, column mapping, NOT NULL). The rows come as the table's
 * columns already fitted to their types ({@link StoreAssignment}), one {@code bad} column per table
 * column, and a {@link #KIND} column (copied, updated or inserted row). The table's CHECK
 * constraints, once they passed the guard, are added as boolean columns and checked in the task, so
 * that a violation fails the statement before anything is committed. The tasks return their add
 * actions and row counts.
 *
 * <p>On a table recording its change data feed, the rows also carry the old values of the row, one
 * {@link #oldColumn} per table column, and the task writes the changes delta-spark writes into
 * change data files ({@code _change_data/}): an updated row's old values as {@code update_preimage}
 * and its new ones as {@code update_postimage}, an inserted row as {@code insert}, and a {@link
 * #DELETED} row (kept in the input for this, never written as data) as {@code delete}.
 */
final class WritePlan {
  static final String KIND = "__delta_jdbc_kind";
  static final int COPIED = 0;
  static final int UPDATED = 1;
  static final int INSERTED = 2;
  static final int DELETED = 3;

  private WritePlan() {}

  static String badColumn(int i) {
    return "__delta_jdbc_bad_" + i;
  }

  static String oldColumn(int i) {
    return "__delta_jdbc_old_" + i;
  }

  /** Selects the output columns of a write: values, bad-value texts and the kind. */
  static Dataset<org.apache.spark.sql.Row> project(
      Dataset<org.apache.spark.sql.Row> input,
      StructType schema,
      List<StoreAssignment> values,
      String kindSql) {
    return project(input, schema, values, kindSql, null);
  }

  /**
   * Selects the output columns of a write that records changes: as {@link #project(Dataset,
   * StructType, List, String)}, then the row's old values ({@code old}, SQL per column), or without
   * them when {@code old} is null.
   */
  static Dataset<org.apache.spark.sql.Row> project(
      Dataset<org.apache.spark.sql.Row> input,
      StructType schema,
      List<StoreAssignment> values,
      String kindSql,
      List<String> old) {
    List<String> exprs = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      exprs.add(values.get(i).value() + " AS " + StoreAssignment.quote(schema.field(i).name()));
    }
    for (int i = 0; i < schema.size(); i++) {
      String bad = values.get(i).bad();
      exprs.add((bad == null ? "CAST(NULL AS STRING)" : bad) + " AS " + badColumn(i));
    }
    exprs.add("CAST(" + kindSql + " AS INT) AS " + KIND);
    if (old != null) {
      for (int i = 0; i < schema.size(); i++) {
        exprs.add(old.get(i) + " AS " + oldColumn(i));
      }
    }
    return input.selectExpr(exprs.toArray(String[]::new));
  }

  /** The table's columns by name, as the old values of rows read from its files. */
  static List<String> columns(StructType schema) {
    return schema.fieldNames().stream().map(StoreAssignment::quote).toList();
  }

  /**
   * What the tasks wrote: the new data files, the change data files, and how many rows of each
   * kind.
   */
  record Outcome(
      List<AddFile> adds,
      List<AddCDCFile> changeFiles,
      long copied,
      long updated,
      long inserted,
      long deleted) {
    static final Outcome NONE = new Outcome(List.of(), List.of(), 0, 0, 0, 0);

    long rows() {
      return copied + updated + inserted;
    }
  }

  /** Writes rows projected without old values: no change data. */
  static Outcome write(
      TableFiles table, StructType schema, Dataset<org.apache.spark.sql.Row> projected) {
    return write(table, schema, projected, false);
  }

  /**
   * Writes projected rows; with {@code changes} they carry their old values and the change data
   * files are written too.
   */
  static Outcome write(
      TableFiles table,
      StructType schema,
      Dataset<org.apache.spark.sql.Row> projected,
      boolean changes) {
    Map<String, String> constraints = Constraints.checked(projected.sparkSession(), table);
    List<String> names = new ArrayList<>(constraints.keySet());
    List<String> exprs = new ArrayList<>(constraints.values());
    Dataset<org.apache.spark.sql.Row> checked = projected;
    if (!names.isEmpty()) {
      List<String> cols = new ArrayList<>(List.of("*"));
      for (int k = 0; k < names.size(); k++) {
        String e = exprs.get(k);
        SparkFailures.analyze(
            table.tablePath(),
            "CHECK constraint " + names.get(k),
            e,
            () -> projected.selectExpr(e));
        cols.add("coalesce((" + e + "), false) AS __delta_jdbc_check_" + k);
      }
      checked = projected.selectExpr(cols.toArray(String[]::new));
    }
    // Spark's internal rows, not external ones: no conversion to Row objects and back.
    List<TaskOutput> outputs =
        checked
            .queryExecution()
            .toRdd()
            .toJavaRDD()
            .mapPartitions(new WriteFiles(table, names, exprs, changes))
            .collect();
    List<AddFile> adds = new ArrayList<>();
    List<AddCDCFile> changeFiles = new ArrayList<>();
    long[] counts = new long[4];
    for (TaskOutput o : outputs) {
      for (String json : o.adds()) {
        if (ActionJson.parse(json) instanceof AddCDCFile c) {
          changeFiles.add(c);
        } else if (ActionJson.parse(json) instanceof AddFile a) {
          adds.add(a);
        }
      }
      for (int k = 0; k < counts.length; k++) {
        counts[k] += o.counts()[k];
      }
    }
    return new Outcome(
        adds, changeFiles, counts[COPIED], counts[UPDATED], counts[INSERTED], counts[DELETED]);
  }

  /** One task's result. */
  record TaskOutput(List<String> adds, long[] counts) implements Serializable {}

  /** The task: checks each row, converts it to the engine's values and writes it. */
  private static final class WriteFiles
      implements FlatMapFunction<Iterator<InternalRow>, TaskOutput> {
    private static final long serialVersionUID = 1L;
    private final TableFiles table;
    private final List<String> constraintNames;
    private final List<String> constraintExprs;
    private final boolean changes;

    WriteFiles(
        TableFiles table,
        List<String> constraintNames,
        List<String> constraintExprs,
        boolean changes) {
      this.table = table;
      this.constraintNames = List.copyOf(constraintNames);
      this.constraintExprs = List.copyOf(constraintExprs);
      this.changes = changes;
    }

    @Override
    public Iterator<TaskOutput> call(Iterator<InternalRow> rows) {
      long[] counts = new long[4];
      StructType schema = table.metadata().parseSchema();
      int n = schema.size();
      int checks = 2 * n + 1 + (changes ? n : 0);
      InternalValues.FromInternal[] convert = InternalValues.fromInternal(schema);
      Deque<Row> pending = new ArrayDeque<>();
      Iterator<Row> checked =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              while (pending.isEmpty() && rows.hasNext()) {
                take(rows.next());
              }
              return !pending.isEmpty();
            }

            @Override
            public Row next() {
              if (!hasNext()) {
                throw new java.util.NoSuchElementException();
              }
              return pending.poll();
            }

            /** Queues the rows to write for one input row: its data row and its change rows. */
            private void take(InternalRow r) {
              int kind = r.getInt(2 * n);
              counts[kind]++;
              // The row's values are read before the next row is taken: Spark may reuse its buffer.
              if (kind == DELETED) {
                pending.add(change(InternalValues.row(r, convert, 2 * n + 1), "delete"));
                return;
              }
              Row values = checkedValues(r);
              if (!changes) {
                pending.add(values);
                return;
              }
              pending.add(change(values, null));
              if (kind == UPDATED) {
                pending.add(change(InternalValues.row(r, convert, 2 * n + 1), "update_preimage"));
                pending.add(change(values, "update_postimage"));
              } else if (kind == INSERTED) {
                pending.add(change(values, "insert"));
              }
            }

            /** The row's new values, once they fit their columns and satisfy the constraints. */
            private Row checkedValues(InternalRow r) {
              for (int i = 0; i < n; i++) {
                if (!r.isNullAt(n + i)) {
                  throw DeltaErrors.valueDoesNotFit(
                      table.tablePath(),
                      schema.field(i).name(),
                      r.getUTF8String(n + i).toString(),
                      schema.field(i).type());
                }
              }
              Row values = InternalValues.row(r, convert);
              for (int k = 0; k < constraintNames.size(); k++) {
                if (!r.getBoolean(checks + k)) {
                  throw DeltaErrors.checkConstraintViolation(
                      table.tablePath(),
                      constraintNames.get(k),
                      constraintExprs.get(k),
                      SparkValues.describe(values, schema));
                }
              }
              return values;
            }
          };
      DataFileWriter writer = table.writer();
      List<String> adds =
          (changes ? writer.writeWithChanges(checked) : writer.write(checked))
              .stream().map(ActionJson::toJson).toList();
      return List.of(new TaskOutput(new ArrayList<>(adds), counts)).iterator();
    }

    /** A row of the table's columns followed by a change type (null for a data row). */
    private static Row change(Row values, String changeType) {
      Object[] out = java.util.Arrays.copyOf(values.toArray(), values.size() + 1);
      out[values.size()] = changeType;
      return Row.wrap(out);
    }
  }
}
