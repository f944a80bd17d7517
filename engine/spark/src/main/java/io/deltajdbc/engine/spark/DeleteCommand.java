package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.dml.DeleteSpec;
import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.txn.OperationName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;

/**
 * DELETE, copy-on-write (after delta-spark's DeleteCommand): without a condition, or with one on
 * partition columns only, whole files are removed from the log without being read; otherwise Spark
 * finds the files holding matching rows, and only those are rewritten without them. On a table
 * recording its change data feed, a rewrite also writes the deleted rows as {@code delete} change
 * data; whole-file deletes and deletes by deletion vectors write none (readers infer their changes
 * from the file actions), as delta-spark's.
 */
record DeleteCommand(DmlContext ctx, DeleteSpec spec) {

  DmlResult run() {
    ctx.requireNotAppendOnly();
    List<AddFile> candidates = ctx.candidates(spec.pruning());
    long scanStart = System.nanoTime();
    String cond = spec.condition();
    Optional<Set<String>> whole =
        cond == null
            ? Optional.of(paths(candidates))
            : PartitionFrame.matchingFiles(
                ctx.spark,
                ctx.table,
                ctx.schema,
                ctx.snapshot.partitionColumns(),
                candidates,
                cond);
    if (whole.isPresent()) {
      List<AddFile> removed = DmlContext.select(candidates, whole.get());
      long rows = DmlContext.rowsFromStats(removed);
      if (rows < 0) {
        rows = ctx.scan(removed).count();
      }
      Map<String, String> m = metrics(rows, 0, removed, List.of(), ms(scanStart), 0);
      // The change data feed infers these deleted rows from the removes: delta-spark writes no
      // change data files for a metadata-only delete either.
      ctx.changeDataFromFileActions();
      return ctx.commit(
          OperationName.DELETE,
          Map.of("predicate", ctx.predicateParameter(cond)),
          m,
          removed,
          List.of(),
          rows);
    }
    boolean byDeletionVectors = DeletionVectorMarks.enabled(ctx.snapshot);
    Map<String, Long> matches = ctx.matchesByFile(candidates, "DELETE", cond);
    long deleted = matches.values().stream().mapToLong(Long::longValue).sum();
    List<AddFile> touched = DmlContext.select(candidates, matches.keySet());
    long scanMs = ms(scanStart);
    long rewriteStart = System.nanoTime();
    if (byDeletionVectors && !touched.isEmpty()) {
      DeletionVectorMarks.Result dv =
          DeletionVectorMarks.mark(
              ctx,
              touched,
              ctx.scanFor(touched, cond).filter(cond).select(FileScan.FILE, FileScan.ROW_INDEX));
      Map<String, String> m =
          metrics(deleted, 0, dv.removed(), dv.added(), scanMs, ms(rewriteStart));
      m.put("numRemovedFiles", Integer.toString(dv.filesRemoved()));
      m.put("numAddedFiles", "0");
      DeletionVectorMarks.metrics(m, dv, "num");
      // Readers infer the deleted rows from the deletion vectors, as delta-spark's DELETE with
      // deletion vectors writes no change data files either.
      ctx.changeDataFromFileActions();
      return ctx.commit(
          OperationName.DELETE,
          Map.of("predicate", ctx.predicateParameter(cond)),
          m,
          dv.removed(),
          dv.added(),
          deleted);
    }
    WritePlan.Outcome out = WritePlan.Outcome.NONE;
    boolean changes = ctx.recordsChanges();
    if (!touched.isEmpty()) {
      List<StoreAssignment> same = new ArrayList<>();
      ctx.schema.fields().forEach(f -> same.add(StoreAssignment.same(f.name())));
      Dataset<org.apache.spark.sql.Row> rows = ctx.scan(touched);
      Dataset<org.apache.spark.sql.Row> projected =
          changes
              // the deleted rows stay, to be written as change data
              ? WritePlan.project(
                  rows,
                  ctx.schema,
                  same,
                  "CASE WHEN (("
                      + cond
                      + ") <=> true) THEN "
                      + WritePlan.DELETED
                      + " ELSE "
                      + WritePlan.COPIED
                      + " END",
                  WritePlan.columns(ctx.schema))
              : WritePlan.project(
                  rows.filter("NOT ((" + cond + ") <=> true)"),
                  ctx.schema,
                  same,
                  Integer.toString(WritePlan.COPIED));
      out = WritePlan.write(ctx.table, ctx.schema, projected, changes);
    }
    Map<String, String> m =
        metrics(deleted, out.copied(), touched, out.adds(), scanMs, ms(rewriteStart));
    m.put("numAddedChangeFiles", Integer.toString(out.changeFiles().size()));
    return ctx.commit(
        OperationName.DELETE,
        Map.of("predicate", ctx.predicateParameter(cond)),
        m,
        touched,
        out.adds(),
        out.changeFiles(),
        deleted);
  }

  private static Set<String> paths(List<AddFile> files) {
    Set<String> out = new HashSet<>();
    files.forEach(f -> out.add(f.path()));
    return out;
  }

  static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** The operation metrics delta-spark records for DELETE. */
  private static Map<String, String> metrics(
      long deletedRows,
      long copiedRows,
      List<AddFile> removed,
      List<AddFile> added,
      long scanMs,
      long rewriteMs) {
    Map<String, String> m = new LinkedHashMap<>();
    DmlMetrics.files(m, removed, added);
    m.put("numDeletedRows", Long.toString(deletedRows));
    m.put("numCopiedRows", Long.toString(copiedRows));
    m.put("scanTimeMs", Long.toString(scanMs));
    m.put("rewriteTimeMs", Long.toString(rewriteMs));
    return m;
  }
}
