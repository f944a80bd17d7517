package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddCDCFile;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.dml.DmlFunction;
import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.files.TableFiles;
import io.deltajdbc.engine.txn.CommitResult;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * One statement's hold on its table: the transaction (started first, so that what is planned and
 * what is committed are the same snapshot), the candidate files, scans of them, and the commit with
 * the statement's reads registered for conflict detection.
 */
final class DmlContext {
  final SparkSession spark;
  final Transaction txn;
  final Snapshot snapshot;
  final TableFiles table;
  final StructType schema;
  final String tablePath;
  private final long started = System.nanoTime();
  private List<DmlFunction> functions = List.of();

  private DmlContext(SparkSession spark, Transaction txn) {
    this.spark = spark;
    this.txn = txn;
    this.snapshot = txn.readSnapshot();
    this.table = snapshot.tableFiles();
    this.schema = snapshot.schema();
    this.tablePath = snapshot.tablePath();
  }

  static DmlContext start(SparkSession spark, DeltaTable table) {
    return new DmlContext(spark, table.startTransaction());
  }

  long version() {
    return snapshot.version();
  }

  /** Refuses statements that delete or change rows of an append-only table. */
  void requireNotAppendOnly() {
    if ("true".equalsIgnoreCase(snapshot.properties().getOrDefault("delta.appendOnly", "false"))) {
      throw DeltaErrors.appendOnly(tablePath, version());
    }
  }

  /**
   * Whether the table records its change data feed ({@code delta.enableChangeDataFeed}): then a
   * statement that deletes or changes rows by rewriting files writes the change data files
   * delta-spark writes ({@link WritePlan}).
   */
  boolean recordsChanges() {
    return "true"
        .equalsIgnoreCase(
            snapshot.properties().getOrDefault("delta.enableChangeDataFeed", "false").trim());
  }

  /**
   * Declares that readers infer the commit's changes from its file actions (see {@link
   * Transaction#changeDataFromFileActions}).
   */
  void changeDataFromFileActions() {
    txn.changeDataFromFileActions();
  }

  /**
   * The opening of a statement that deletes or changes rows (DELETE, UPDATE): refused on an
   * append-only table, then the {@link #candidates} of its pruning predicate.
   */
  List<AddFile> rowLevelCandidates(Predicate pruning) {
    requireNotAppendOnly();
    return candidates(pruning);
  }

  /**
   * The files that may hold rows satisfying {@code pruning}; registers their read for conflicts.
   */
  List<AddFile> candidates(Predicate pruning) {
    txn.readPredicate(pruning == null ? Predicates.TRUE : pruning);
    if (pruning == null) {
      return new ArrayList<>(snapshot.files());
    }
    return snapshot.scanBuilder().withFilter(pruning).build().files();
  }

  Dataset<org.apache.spark.sql.Row> scan(Collection<AddFile> files) {
    return FileScan.of(spark, table, schema, files);
  }

  /**
   * The rows of the candidate files that satisfy {@code condition}, counted per file path; the
   * condition is first checked to analyze against the table's columns (a failure names the
   * statement). Finding them reads only the condition's columns.
   */
  Map<String, Long> matchesByFile(List<AddFile> candidates, String statement, String condition) {
    SparkFailures.analyze(
        tablePath, statement + " condition", condition, () -> scan(candidates).filter(condition));
    Map<String, Long> matches = new HashMap<>();
    for (org.apache.spark.sql.Row r :
        scanFor(candidates, condition)
            .filter(condition)
            .groupBy(FileScan.FILE)
            .count()
            .collectAsList()) {
      matches.put(r.getString(0), r.getLong(1));
    }
    return matches;
  }

  /**
   * A scan of the files reading only the columns {@code condition} refers to (plus the file and row
   * index columns): for finding the rows a condition selects. Reads every column when the
   * condition's columns cannot be told from its text.
   */
  Dataset<org.apache.spark.sql.Row> scanFor(Collection<AddFile> files, String condition) {
    return FileScan.of(spark, table, schema, files, conditionColumns(condition));
  }

  /**
   * The table's columns (schema order) that {@code condition} may refer to, or null for all of
   * them: when it does not parse, uses a star, a regex column or a subquery, or names something
   * that is not a column (a lambda variable, for one). A name of several parts counts each part
   * that is a column, so qualifiers and struct fields only ever add columns.
   */
  List<String> conditionColumns(String condition) {
    if (condition == null) {
      return null;
    }
    org.apache.spark.sql.catalyst.expressions.Expression e;
    try {
      e = spark.sessionState().sqlParser().parseExpression(condition);
    } catch (Exception ex) { // ParseException is checked for javac
      return null;
    }
    Set<String> names = new java.util.HashSet<>();
    if (!collectNames(e, names)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (io.deltajdbc.engine.types.StructField f : schema.fields()) {
      if (names.contains(f.name().toLowerCase(java.util.Locale.ROOT))) {
        out.add(f.name());
      }
    }
    return out;
  }

  /** Adds the lower-cased name parts of the attributes; false when the columns cannot be told. */
  private boolean collectNames(
      org.apache.spark.sql.catalyst.expressions.Expression e, Set<String> names) {
    if (e instanceof org.apache.spark.sql.catalyst.analysis.Star
        || e instanceof org.apache.spark.sql.catalyst.expressions.SubqueryExpression) {
      return false;
    }
    if (e instanceof org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute a) {
      boolean any = false;
      for (String part : scala.collection.JavaConverters.seqAsJavaList(a.nameParts())) {
        String lower = part.toLowerCase(java.util.Locale.ROOT);
        if (schema.fieldNames().stream().anyMatch(n -> n.equalsIgnoreCase(part))) {
          names.add(lower);
          any = true;
        }
      }
      return any;
    }
    for (org.apache.spark.sql.catalyst.expressions.Expression c :
        scala.collection.JavaConverters.seqAsJavaList(e.children())) {
      if (!collectNames(c, names)) {
        return false;
      }
    }
    return true;
  }

  static List<AddFile> select(List<AddFile> files, Set<String> paths) {
    return files.stream().filter(f -> paths.contains(f.path())).toList();
  }

  /** Rows of files by their statistics, or -1 when a file has no row count. */
  static long rowsFromStats(Collection<AddFile> files) {
    long n = 0;
    for (AddFile f : files) {
      Long records = FileStats.parse(f.stats()).numRecords();
      if (records == null) {
        return -1;
      }
      n += records - (f.deletionVector() == null ? 0 : f.deletionVector().cardinality());
    }
    return n;
  }

  long elapsedMs() {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /**
   * The caller's functions of the statement, whose SQL the history shows in place of their calls.
   */
  void functions(List<DmlFunction> statementFunctions) {
    this.functions = List.copyOf(statementFunctions);
  }

  /** A condition's text as the history shows it: the caller's functions as their SQL. */
  String describe(String condition) {
    return DmlFunction.describe(condition, functions);
  }

  /** Delta's {@code predicate} operation parameter: a JSON array of the condition's SQL. */
  String predicateParameter(String condition) {
    return json(condition == null ? List.of() : List.of(describe(condition)));
  }

  static String json(Object value) {
    return ActionJson.toJsonValue(value);
  }

  /**
   * Stages the removes and adds and commits them as one version with the statement's operation;
   * nothing is committed when nothing changes.
   */
  DmlResult commit(
      OperationName operation,
      Map<String, String> parameters,
      Map<String, String> metrics,
      Collection<AddFile> removed,
      Collection<AddFile> added,
      long rowsAffected) {
    return commit(operation, parameters, metrics, removed, added, List.of(), rowsAffected);
  }

  /**
   * As {@link #commit(OperationName, Map, Map, Collection, Collection, long)}, with change files.
   */
  DmlResult commit(
      OperationName operation,
      Map<String, String> parameters,
      Map<String, String> metrics,
      Collection<AddFile> removed,
      Collection<AddFile> added,
      Collection<AddCDCFile> changeFiles,
      long rowsAffected) {
    Map<String, String> m = new LinkedHashMap<>(metrics);
    m.put("executionTimeMs", Long.toString(elapsedMs()));
    if (removed.isEmpty() && added.isEmpty()) {
      return new DmlResult(rowsAffected, -1, m);
    }
    txn.readFiles(removed);
    txn.remove(removed);
    txn.add(added);
    txn.addChangeFiles(changeFiles);
    txn.constraintsChecked();
    CommitResult r = txn.commit(new Operation(operation.recorded(), parameters, m));
    return new DmlResult(rowsAffected, r.version(), m);
  }
}
