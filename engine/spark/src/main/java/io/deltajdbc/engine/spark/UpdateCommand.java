package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.dml.UpdateSpec;
import io.deltajdbc.engine.txn.OperationName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;

/**
 * UPDATE, copy-on-write (after delta-spark's UpdateCommand): Spark finds the files holding rows
 * that satisfy the condition; only those are rewritten, each row either updated (assignments fitted
 * to their columns' types) or copied. On a table recording its change data feed each updated row is
 * also written as change data, its old values as {@code update_preimage} and its new ones as {@code
 * update_postimage}.
 */
record UpdateCommand(DmlContext ctx, UpdateSpec spec) {

  DmlResult run() {
    List<AddFile> candidates = ctx.rowLevelCandidates(spec.pruning());
    long scanStart = System.nanoTime();
    String cond = spec.condition();
    Dataset<org.apache.spark.sql.Row> target = ctx.scan(candidates);
    Map<Integer, StoreAssignment> assigned =
        Assignments.fit(target, ctx.schema, spec.assignments(), ctx.tablePath);
    List<AddFile> touched;
    if (cond == null) {
      touched = candidates;
    } else {
      touched =
          DmlContext.select(candidates, ctx.matchesByFile(candidates, "UPDATE", cond).keySet());
    }
    long scanMs = DeleteCommand.ms(scanStart);
    long rewriteStart = System.nanoTime();
    WritePlan.Outcome out = WritePlan.Outcome.NONE;
    boolean changes = ctx.recordsChanges();
    DeletionVectorMarks.Result dv = null;
    if (!touched.isEmpty()) {
      String matched = cond == null ? "true" : "coalesce((" + cond + "), false)";
      Dataset<org.apache.spark.sql.Row> rows = ctx.scan(touched);
      if (DeletionVectorMarks.enabled(ctx.snapshot)) {
        // The old rows are deleted by deletion vectors; only the updated rows are written.
        rows = rows.filter(matched);
        dv = DeletionVectorMarks.mark(ctx, touched, rows.select(FileScan.FILE, FileScan.ROW_INDEX));
      }
      List<StoreAssignment> values = new ArrayList<>();
      for (int i = 0; i < ctx.schema.size(); i++) {
        String col = StoreAssignment.quote(ctx.schema.field(i).name());
        StoreAssignment a = assigned.get(i);
        values.add(
            a == null
                ? StoreAssignment.same(ctx.schema.field(i).name())
                : new StoreAssignment(
                    "CASE WHEN " + matched + " THEN " + a.value() + " ELSE " + col + " END",
                    a.bad() == null ? null : "CASE WHEN " + matched + " THEN " + a.bad() + " END"));
      }
      String kind =
          "CASE WHEN "
              + matched
              + " THEN "
              + WritePlan.UPDATED
              + " ELSE "
              + WritePlan.COPIED
              + " END";
      out =
          WritePlan.write(
              ctx.table,
              ctx.schema,
              WritePlan.project(
                  rows, ctx.schema, values, kind, changes ? WritePlan.columns(ctx.schema) : null),
              changes);
    }
    List<AddFile> removed = dv == null ? touched : dv.removed();
    List<AddFile> added = new ArrayList<>(out.adds());
    Map<String, String> m = new LinkedHashMap<>();
    DmlMetrics.files(m, touched, out.adds());
    if (dv != null) {
      added.addAll(dv.added());
      m.put("numRemovedFiles", Integer.toString(dv.filesRemoved()));
      DeletionVectorMarks.metrics(m, dv, "num");
    }
    m.put("numAddedChangeFiles", Integer.toString(out.changeFiles().size()));
    m.put("numUpdatedRows", Long.toString(out.updated()));
    m.put("numCopiedRows", Long.toString(out.copied()));
    m.put("scanTimeMs", Long.toString(scanMs));
    m.put("rewriteTimeMs", Long.toString(DeleteCommand.ms(rewriteStart)));
    if (out.updated() == 0) {
      return ctx.commit(OperationName.UPDATE, Map.of(), m, List.of(), List.of(), 0);
    }
    return ctx.commit(
        OperationName.UPDATE,
        Map.of("predicate", ctx.predicateParameter(cond)),
        m,
        removed,
        added,
        out.changeFiles(),
        out.updated());
  }

  /** Assignments resolved to column positions and fitted to the columns' types. */
  static final class Assignments {
    private Assignments() {}

    static Map<Integer, StoreAssignment> fit(
        Dataset<org.apache.spark.sql.Row> context,
        io.deltajdbc.engine.types.StructType schema,
        Map<String, String> assignments,
        String tablePath) {
      Map<Integer, StoreAssignment> out = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : assignments.entrySet()) {
        int i = schema.indexOf(e.getKey());
        if (i < 0) {
          throw DeltaErrors.columnNotFound(tablePath, e.getKey(), schema.fieldNames());
        }
        out.put(
            i,
            StoreAssignment.fit(
                context, e.getValue(), schema.field(i).name(), schema.field(i).type(), tablePath));
      }
      return out;
    }
  }
}
