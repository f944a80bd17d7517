package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.files.DataFileWriter;
import io.deltajdbc.engine.files.TableFiles;
import io.deltajdbc.engine.types.StructType;
import java.io.Serializable;
import java.util.ArrayList;
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
 */
final class WritePlan {
  static final String KIND = "__delta_jdbc_kind";
  static final int COPIED = 0;
  static final int UPDATED = 1;
  static final int INSERTED = 2;

  private WritePlan() {}

  static String badColumn(int i) {
    return "__delta_jdbc_bad_" + i;
  }

  /** Selects the output columns of a write: values, bad-value texts and the kind. */
  static Dataset<org.apache.spark.sql.Row> project(
      Dataset<org.apache.spark.sql.Row> input,
      StructType schema,
      List<StoreAssignment> values,
      String kindSql) {
    List<String> exprs = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      exprs.add(values.get(i).value() + " AS " + StoreAssignment.quote(schema.field(i).name()));
    }
    for (int i = 0; i < schema.size(); i++) {
      String bad = values.get(i).bad();
      exprs.add((bad == null ? "CAST(NULL AS STRING)" : bad) + " AS " + badColumn(i));
    }
    exprs.add("CAST(" + kindSql + " AS INT) AS " + KIND);
    return input.selectExpr(exprs.toArray(String[]::new));
  }

  /** What the tasks wrote: the new files, and how many rows of each kind. */
  record Outcome(List<AddFile> adds, long copied, long updated, long inserted) {
    long rows() {
      return copied + updated + inserted;
    }
  }

  static Outcome write(
      TableFiles table, StructType schema, Dataset<org.apache.spark.sql.Row> projected) {
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
            .mapPartitions(new WriteFiles(table, names, exprs))
            .collect();
    List<AddFile> adds = new ArrayList<>();
    long[] counts = new long[3];
    for (TaskOutput o : outputs) {
      o.adds().forEach(j -> adds.add((AddFile) ActionJson.parse(j)));
      for (int k = 0; k < 3; k++) {
        counts[k] += o.counts()[k];
      }
    }
    return new Outcome(adds, counts[COPIED], counts[UPDATED], counts[INSERTED]);
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

    WriteFiles(TableFiles table, List<String> constraintNames, List<String> constraintExprs) {
      this.table = table;
      this.constraintNames = List.copyOf(constraintNames);
      this.constraintExprs = List.copyOf(constraintExprs);
    }

    @Override
    public Iterator<TaskOutput> call(Iterator<InternalRow> rows) {
      long[] counts = new long[3];
      StructType schema = table.metadata().parseSchema();
      int n = schema.size();
      InternalValues.FromInternal[] convert = InternalValues.fromInternal(schema);
      Iterator<Row> checked =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return rows.hasNext();
            }

            @Override
            public Row next() {
              InternalRow r = rows.next();
              for (int i = 0; i < n; i++) {
                if (!r.isNullAt(n + i)) {
                  throw DeltaErrors.valueDoesNotFit(
                      table.tablePath(),
                      schema.field(i).name(),
                      r.getUTF8String(n + i).toString(),
                      schema.field(i).type());
                }
              }
              // The row's values are read before the next row is taken: Spark may reuse its buffer.
              Row values = InternalValues.row(r, convert);
              for (int k = 0; k < constraintNames.size(); k++) {
                if (!r.getBoolean(2 * n + 1 + k)) {
                  throw DeltaErrors.checkConstraintViolation(
                      table.tablePath(),
                      constraintNames.get(k),
                      constraintExprs.get(k),
                      SparkValues.describe(values, schema));
                }
              }
              counts[r.getInt(2 * n)]++;
              return values;
            }
          };
      DataFileWriter writer = table.writer();
      List<String> adds = writer.write(checked).stream().map(ActionJson::toJson).toList();
      return List.of(new TaskOutput(new ArrayList<>(adds), counts)).iterator();
    }
  }
}
