package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.dml.MergeClause;
import io.deltajdbc.engine.dml.MergeClause.MatchedDelete;
import io.deltajdbc.engine.dml.MergeClause.MatchedUpdate;
import io.deltajdbc.engine.dml.MergeClause.NotMatchedInsert;
import io.deltajdbc.engine.dml.MergeSpec;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;

/**
 * MERGE, copy-on-write, with Delta's semantics (after delta-spark's MergeIntoCommand): clauses are
 * tried in order and the first whose condition holds applies; a target row that more than one
 * source row would update or delete fails the statement (unless the only MATCHED clause is an
 * unconditional DELETE). Only files with matched rows are rewritten; source rows without a match
 * are inserted. Without MATCHED clauses no target file is rewritten (an insert-only merge), but the
 * read of the target is still registered for conflicts. On a table recording its change data feed,
 * a MERGE with MATCHED clauses writes every change as change data (pre- and post-images of updated
 * rows, deleted and inserted rows), as delta-spark's; an insert-only merge writes none, as its.
 */
final class MergeCommand {
  private static final String P_FILE = "__delta_jdbc_p_file";
  private static final String P_ROW = "__delta_jdbc_p_row";
  private static final String CLAUSE = "__delta_jdbc_clause";
  private static final String INSERT_CLAUSE = "__delta_jdbc_insert_clause";

  private final DmlContext ctx;
  private final MergeSpec spec;
  private final StructType schema;
  private final List<MergeClause> matched = new ArrayList<>();
  private final List<NotMatchedInsert> inserts = new ArrayList<>();
  private final boolean changes;

  MergeCommand(DmlContext ctx, MergeSpec spec) {
    this.ctx = ctx;
    this.spec = spec;
    this.schema = ctx.schema;
    for (MergeClause c : spec.clauses()) {
      if (c instanceof NotMatchedInsert i) {
        inserts.add(i);
      } else {
        matched.add(c);
      }
    }
    this.changes = ctx.recordsChanges() && !matched.isEmpty();
  }

  DmlResult run() {
    if (!matched.isEmpty()) {
      ctx.requireNotAppendOnly();
    }
    List<AddFile> candidates = ctx.candidates(spec.targetPruning());
    long scanStart = System.nanoTime();
    Dataset<org.apache.spark.sql.Row> source =
        SparkRows.of(ctx.spark, spec.sourceSchema(), spec.sourceRows(), ctx.tablePath)
            .as(spec.sourceAlias());
    Dataset<org.apache.spark.sql.Row> target = ctx.scan(candidates).as(spec.targetAlias());
    Dataset<org.apache.spark.sql.Row> joined =
        SparkFailures.analyze(
            ctx.tablePath,
            "MERGE condition",
            spec.onCondition(),
            () ->
                target.join(
                    source, org.apache.spark.sql.functions.expr(spec.onCondition()), "inner"));
    List<Dataset<org.apache.spark.sql.Row>> outputs = new ArrayList<>();
    List<AddFile> touched = List.of();
    long updated = 0;
    long deleted = 0;
    Dataset<org.apache.spark.sql.Row> pairs = null;
    DeletionVectorMarks.Result dv = null;
    try {
      if (!matched.isEmpty()) {
        pairs = matchedPairs(joined);
        Map<Integer, Long> perClause = new LinkedHashMap<>();
        Set<String> paths = new HashSet<>();
        for (org.apache.spark.sql.Row r : pairs.groupBy(P_FILE, CLAUSE).count().collectAsList()) {
          paths.add(r.getString(0));
          perClause.merge(r.getInt(1), r.getLong(2), Long::sum);
        }
        for (Map.Entry<Integer, Long> e : perClause.entrySet()) {
          if (matched.get(e.getKey()) instanceof MatchedDelete) {
            deleted += e.getValue();
          } else {
            updated += e.getValue();
          }
        }
        touched = DmlContext.select(candidates, paths);
        if (!touched.isEmpty() && DeletionVectorMarks.enabled(ctx.snapshot)) {
          // Matched rows are deleted by deletion vectors; only the updated rows are written.
          dv =
              DeletionVectorMarks.mark(
                  ctx,
                  touched,
                  pairs.select(
                      pairs.col(P_FILE).as(FileScan.FILE),
                      pairs.col(P_ROW).as(FileScan.ROW_INDEX)));
          outputs.add(updatedOnly(pairs));
        } else if (!touched.isEmpty()) {
          outputs.add(rewrite(ctx.scan(touched), pairs));
        }
      }
      if (!inserts.isEmpty()) {
        Dataset<org.apache.spark.sql.Row> unmatched =
            source.join(
                target, org.apache.spark.sql.functions.expr(spec.onCondition()), "left_anti");
        outputs.add(inserted(unmatched));
      }
      long scanMs = DeleteCommand.ms(scanStart);
      long rewriteStart = System.nanoTime();
      WritePlan.Outcome out = WritePlan.Outcome.NONE;
      if (!outputs.isEmpty()) {
        Dataset<org.apache.spark.sql.Row> all = outputs.get(0);
        for (int i = 1; i < outputs.size(); i++) {
          all = all.union(outputs.get(i));
        }
        out = WritePlan.write(ctx.table, schema, all, changes);
      }
      Map<String, String> m =
          metrics(out, touched, deleted, scanMs, DeleteCommand.ms(rewriteStart));
      List<AddFile> removed = touched;
      List<AddFile> added = new ArrayList<>(out.adds());
      if (dv != null) {
        removed = dv.removed();
        added.addAll(dv.added());
        m.put("numTargetFilesRemoved", Integer.toString(dv.filesRemoved()));
        DeletionVectorMarks.metrics(m, dv, "numTarget");
      }
      return ctx.commit(
          OperationName.MERGE,
          parameters(),
          m,
          removed,
          added,
          out.changeFiles(),
          out.updated() + deleted + out.inserted());
    } finally {
      if (pairs != null) {
        pairs.unpersist();
      }
    }
  }

  /**
   * Matched (target row, source row) pairs for which a MATCHED clause applies: the target row's
   * file and position, the clause, and the row's new values under it. Checked to hold each target
   * row at most once. Persisted: it is read for the counts and for the rewrite.
   */
  private Dataset<org.apache.spark.sql.Row> matchedPairs(Dataset<org.apache.spark.sql.Row> joined) {
    String t = StoreAssignment.quote(spec.targetAlias()) + ".";
    List<String> conds = new ArrayList<>();
    for (MergeClause c : matched) {
      conds.add(c.condition() == null ? "true" : "coalesce((" + c.condition() + "), false)");
    }
    List<String> exprs = new ArrayList<>();
    exprs.add(t + FileScan.FILE + " AS " + P_FILE);
    exprs.add(t + FileScan.ROW_INDEX + " AS " + P_ROW);
    StringBuilder clause = new StringBuilder("CASE");
    for (int k = 0; k < conds.size(); k++) {
      clause.append(" WHEN ").append(conds.get(k)).append(" THEN ").append(k);
    }
    exprs.add(clause.append(" ELSE -1 END AS ").append(CLAUSE).toString());
    List<Map<Integer, StoreAssignment>> fitted = new ArrayList<>();
    for (MergeClause c : matched) {
      fitted.add(
          c instanceof MatchedUpdate u
              ? UpdateCommand.Assignments.fit(
                  joined, schema, targetColumns(u.assignments()), ctx.tablePath)
              : Map.of());
    }
    for (int i = 0; i < schema.size(); i++) {
      StringBuilder value = new StringBuilder("CASE");
      StringBuilder bad = new StringBuilder("CASE");
      for (int k = 0; k < matched.size(); k++) {
        StoreAssignment a = fitted.get(k).get(i);
        String v =
            matched.get(k) instanceof MatchedDelete
                ? "NULL"
                : a == null ? t + StoreAssignment.quote(schema.field(i).name()) : a.value();
        value.append(" WHEN ").append(conds.get(k)).append(" THEN ").append(v);
        bad.append(" WHEN ")
            .append(conds.get(k))
            .append(" THEN ")
            .append(a == null || a.bad() == null ? "CAST(NULL AS STRING)" : a.bad());
      }
      exprs.add(value.append(" END AS ").append(newColumn(i)).toString());
      exprs.add(bad.append(" END AS ").append(WritePlan.badColumn(i)).toString());
      if (changes) {
        exprs.add(
            t + StoreAssignment.quote(schema.field(i).name()) + " AS " + WritePlan.oldColumn(i));
      }
    }
    Dataset<org.apache.spark.sql.Row> pairs =
        joined.selectExpr(exprs.toArray(String[]::new)).filter(CLAUSE + " >= 0");
    boolean deleteOnly =
        matched.size() == 1 && matched.get(0) instanceof MatchedDelete d && d.condition() == null;
    if (deleteOnly) {
      pairs = pairs.dropDuplicates(P_FILE, P_ROW);
    } else if (!pairs
        .groupBy(P_FILE, P_ROW)
        .count()
        .filter("count > 1")
        .limit(1)
        .collectAsList()
        .isEmpty()) {
      throw DeltaErrors.mergeCardinality(ctx.tablePath, ctx.version());
    }
    return pairs.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * The touched files' rows: unmatched ones copied, matched ones updated, deleted ones left out.
   */
  private Dataset<org.apache.spark.sql.Row> rewrite(
      Dataset<org.apache.spark.sql.Row> files, Dataset<org.apache.spark.sql.Row> pairs) {
    Dataset<org.apache.spark.sql.Row> withPairs =
        files.join(
            pairs,
            files
                .col(FileScan.FILE)
                .equalTo(pairs.col(P_FILE))
                .and(files.col(FileScan.ROW_INDEX).equalTo(pairs.col(P_ROW))),
            "left_outer");
    List<String> updates = clauses(MatchedUpdate.class);
    // with change data the deleted rows stay, to be written as such
    Dataset<org.apache.spark.sql.Row> kept =
        changes
            ? withPairs
            : withPairs.filter(
                CLAUSE
                    + " IS NULL"
                    + (updates.isEmpty()
                        ? ""
                        : " OR " + CLAUSE + " IN (" + String.join(", ", updates) + ")"));
    List<StoreAssignment> values = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      values.add(
          new StoreAssignment(
              "CASE WHEN "
                  + CLAUSE
                  + " IS NULL THEN "
                  + StoreAssignment.quote(schema.field(i).name())
                  + " ELSE "
                  + newColumn(i)
                  + " END",
              WritePlan.badColumn(i)));
    }
    return WritePlan.project(
        kept,
        schema,
        values,
        "CASE WHEN "
            + CLAUSE
            + " IS NULL THEN "
            + WritePlan.COPIED
            + deletedKind()
            + " ELSE "
            + WritePlan.UPDATED
            + " END",
        changes ? WritePlan.columns(schema) : null);
  }

  /** The numbers of the MATCHED clauses of a kind. */
  private List<String> clauses(Class<? extends MergeClause> kind) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < matched.size(); k++) {
      if (kind.isInstance(matched.get(k))) {
        out.add(Integer.toString(k));
      }
    }
    return out;
  }

  /** With change data, the CASE branch that marks rows of DELETE clauses deleted; else nothing. */
  private String deletedKind() {
    List<String> deletes = clauses(MatchedDelete.class);
    return !changes || deletes.isEmpty()
        ? ""
        : " WHEN " + CLAUSE + " IN (" + String.join(", ", deletes) + ") THEN " + WritePlan.DELETED;
  }

  /**
   * The new rows of updated target rows, from the matched pairs alone (deletion vector mode); with
   * change data also the deleted rows, to be written as such.
   */
  private Dataset<org.apache.spark.sql.Row> updatedOnly(Dataset<org.apache.spark.sql.Row> pairs) {
    List<String> updates = clauses(MatchedUpdate.class);
    Dataset<org.apache.spark.sql.Row> rows =
        changes
            ? pairs
            : pairs.filter(
                updates.isEmpty() ? "false" : CLAUSE + " IN (" + String.join(", ", updates) + ")");
    List<StoreAssignment> values = new ArrayList<>();
    List<String> old = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      values.add(new StoreAssignment(newColumn(i), WritePlan.badColumn(i)));
      old.add(WritePlan.oldColumn(i));
    }
    String deleted = deletedKind();
    String kind =
        deleted.isEmpty()
            ? Integer.toString(WritePlan.UPDATED)
            : "CASE" + deleted + " ELSE " + WritePlan.UPDATED + " END";
    return WritePlan.project(rows, schema, values, kind, changes ? old : null);
  }

  /** Source rows without a match, as the first applicable NOT MATCHED clause inserts them. */
  private Dataset<org.apache.spark.sql.Row> inserted(Dataset<org.apache.spark.sql.Row> unmatched) {
    StringBuilder clause = new StringBuilder("CASE");
    for (int k = 0; k < inserts.size(); k++) {
      String c = inserts.get(k).condition();
      clause
          .append(" WHEN ")
          .append(c == null ? "true" : "coalesce((" + c + "), false)")
          .append(" THEN ")
          .append(k);
    }
    Dataset<org.apache.spark.sql.Row> chosen =
        SparkFailures.analyze(
                ctx.tablePath,
                "NOT MATCHED condition",
                clause.toString(),
                () ->
                    unmatched.withColumn(
                        INSERT_CLAUSE,
                        org.apache.spark.sql.functions.expr(clause + " ELSE -1 END")))
            .filter(INSERT_CLAUSE + " >= 0");
    List<Map<Integer, StoreAssignment>> fitted = new ArrayList<>();
    for (NotMatchedInsert i : inserts) {
      fitted.add(
          UpdateCommand.Assignments.fit(chosen, schema, targetColumns(i.values()), ctx.tablePath));
    }
    List<StoreAssignment> values = new ArrayList<>();
    List<String> old = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      StringBuilder value = new StringBuilder("CASE");
      StringBuilder bad = new StringBuilder("CASE");
      for (int k = 0; k < inserts.size(); k++) {
        StoreAssignment a = fitted.get(k).get(i);
        value
            .append(" WHEN ")
            .append(INSERT_CLAUSE)
            .append(" = ")
            .append(k)
            .append(" THEN ")
            .append(a == null ? "NULL" : a.value());
        bad.append(" WHEN ")
            .append(INSERT_CLAUSE)
            .append(" = ")
            .append(k)
            .append(" THEN ")
            .append(a == null || a.bad() == null ? "CAST(NULL AS STRING)" : a.bad());
      }
      String type =
          SparkValues.type(schema.field(i).type(), schema.field(i).name(), ctx.tablePath).sql();
      values.add(new StoreAssignment("CAST(" + value + " END AS " + type + ")", bad + " END"));
      old.add("CAST(NULL AS " + type + ")");
    }
    return WritePlan.project(
        chosen, schema, values, Integer.toString(WritePlan.INSERTED), changes ? old : null);
  }

  /** Assignment keys as target column names: a {@code targetAlias.} prefix is dropped. */
  private Map<String, String> targetColumns(Map<String, String> assignments) {
    String prefix = spec.targetAlias().toLowerCase(Locale.ROOT) + ".";
    Map<String, String> out = new LinkedHashMap<>();
    assignments.forEach(
        (k, v) ->
            out.put(
                k.toLowerCase(Locale.ROOT).startsWith(prefix) ? k.substring(prefix.length()) : k,
                v));
    return out;
  }

  private static String newColumn(int i) {
    return "__delta_jdbc_new_" + i;
  }

  /** Delta's MERGE parameters: predicate, and each clause's kind and condition. */
  private Map<String, String> parameters() {
    List<Map<String, String>> matchedPredicates = new ArrayList<>();
    for (MergeClause c : matched) {
      matchedPredicates.add(
          clause(ctx.describe(c.condition()), c instanceof MatchedDelete ? "delete" : "update"));
    }
    List<Map<String, String>> notMatched = new ArrayList<>();
    for (NotMatchedInsert i : inserts) {
      notMatched.add(clause(ctx.describe(i.condition()), "insert"));
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("predicate", ctx.predicateParameter(spec.onCondition()));
    p.put("matchedPredicates", DmlContext.json(matchedPredicates));
    p.put("notMatchedPredicates", DmlContext.json(notMatched));
    p.put("notMatchedBySourcePredicates", "[]");
    return p;
  }

  private static Map<String, String> clause(String condition, String actionType) {
    Map<String, String> m = new LinkedHashMap<>();
    if (condition != null) {
      m.put("predicate", condition);
    }
    m.put("actionType", actionType);
    return m;
  }

  /** The operation metrics delta-spark records for MERGE. */
  private Map<String, String> metrics(
      WritePlan.Outcome out, List<AddFile> removed, long deleted, long scanMs, long rewriteMs) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("numSourceRows", Integer.toString(spec.sourceRows().size()));
    m.put("numTargetRowsInserted", Long.toString(out.inserted()));
    m.put("numTargetRowsUpdated", Long.toString(out.updated()));
    m.put("numTargetRowsMatchedUpdated", Long.toString(out.updated()));
    m.put("numTargetRowsNotMatchedBySourceUpdated", "0");
    m.put("numTargetRowsDeleted", Long.toString(deleted));
    m.put("numTargetRowsMatchedDeleted", Long.toString(deleted));
    m.put("numTargetRowsNotMatchedBySourceDeleted", "0");
    m.put("numTargetRowsCopied", Long.toString(out.copied()));
    m.put("numOutputRows", Long.toString(out.rows()));
    m.put("numTargetFilesAdded", Integer.toString(out.adds().size()));
    m.put("numTargetFilesRemoved", Integer.toString(removed.size()));
    m.put("numTargetChangeFilesAdded", Integer.toString(out.changeFiles().size()));
    m.put("numTargetBytesAdded", Long.toString(out.adds().stream().mapToLong(AddFile::size).sum()));
    m.put("numTargetBytesRemoved", Long.toString(removed.stream().mapToLong(AddFile::size).sum()));
    m.put("numTargetDeletionVectorsAdded", "0");
    m.put("numTargetDeletionVectorsRemoved", "0");
    m.put("numTargetDeletionVectorsUpdated", "0");
    m.put("materializeSourceTimeMs", "0");
    m.put("scanTimeMs", Long.toString(scanMs));
    m.put("rewriteTimeMs", Long.toString(rewriteMs));
    return m;
  }
}
