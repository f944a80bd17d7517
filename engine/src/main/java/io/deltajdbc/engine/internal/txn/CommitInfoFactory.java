package io.deltajdbc.engine.internal.txn;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.CommitInfo;
import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.txn.IsolationLevel;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Builds the {@code commitInfo} action Delta's readers and history commands expect. */
final class CommitInfoFactory {
  static final String ENGINE_INFO = "delta-jdbc/" + version();

  /**
   * Operations whose metrics delta-spark defines without the write metrics (its {@code
   * DeltaOperationMetrics.RESTORE}, {@code VACUUM_START}, ...): only the operation's own.
   */
  private static final Set<String> OWN_METRICS =
      Set.of(
          OperationName.RESTORE.recorded(),
          OperationName.VACUUM_START.recorded(),
          OperationName.VACUUM_END.recorded(),
          OperationName.CONVERT.recorded(),
          OperationName.OPTIMIZE.recorded(),
          OperationName.CLONE.recorded(),
          OperationName.CREATE_OR_REPLACE_TABLE.recorded());

  /**
   * Operations whose metrics are delta-spark's {@code DeltaOperationMetrics.WRITE} alone: the files
   * a replace removes are not counted in its metrics.
   */
  private static final Set<String> WRITE_METRICS_ONLY =
      Set.of(OperationName.CREATE_OR_REPLACE_TABLE_AS_SELECT.recorded());

  /** Operations delta-spark commits with {@code commitLarge}, which records read version -1. */
  private static final Set<String> LARGE_COMMITS =
      Set.of(OperationName.CONVERT.recorded(), OperationName.CLONE.recorded());

  private CommitInfoFactory() {}

  static CommitInfo create(
      Operation op,
      long readVersion,
      IsolationLevel isolation,
      boolean blindAppend,
      Collection<AddFile> adds,
      Collection<RemoveFile> removes,
      Long inCommitTimestamp,
      String txnId) {
    return create(
        op, readVersion, isolation.logName(), blindAppend, adds, removes, inCommitTimestamp, txnId);
  }

  /** The same, with the isolation level's name as recorded ({@code SnapshotIsolation}, ...). */
  static CommitInfo create(
      Operation op,
      long readVersion,
      String isolationLevel,
      boolean blindAppend,
      Collection<AddFile> adds,
      Collection<RemoveFile> removes,
      Long inCommitTimestamp,
      String txnId) {
    Map<String, Object> ci = new LinkedHashMap<>();
    if (inCommitTimestamp != null) {
      ci.put("inCommitTimestamp", inCommitTimestamp);
    }
    ci.put("timestamp", System.currentTimeMillis());
    ci.put("operation", op.name());
    ci.put("operationParameters", parameters(op.parameters()));
    // delta-spark's commitLarge (CONVERT, CLONE) records the read version of a new table, -1.
    if (readVersion >= 0 || LARGE_COMMITS.contains(op.name())) {
      ci.put("readVersion", readVersion);
    }
    ci.put("isolationLevel", isolationLevel);
    ci.put("isBlindAppend", blindAppend);
    ci.put("operationMetrics", metrics(op, adds, removes));
    ci.put("engineInfo", ENGINE_INFO);
    ci.put("txnId", txnId);
    return new CommitInfo(ci);
  }

  /**
   * The parameters as the log's JSON object. A null value (RESTORE's {@code "timestamp":null}) is
   * written as JSON null, as delta-spark writes it: the log's mapper leaves null map values out, a
   * JSON tree keeps them.
   */
  private static Object parameters(Map<String, String> params) {
    if (!params.containsValue(null)) {
      return params;
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    params.forEach((k, v) -> node.put(k, v));
    return node;
  }

  static String newTxnId() {
    return UUID.randomUUID().toString();
  }

  private static Map<String, String> metrics(
      Operation op, Collection<AddFile> adds, Collection<RemoveFile> removes) {
    Map<String, String> m = new LinkedHashMap<>();
    if (OWN_METRICS.contains(op.name())) {
      m.putAll(op.metrics());
      return m;
    }
    if (!adds.isEmpty()) {
      long rows = 0;
      long bytes = 0;
      boolean rowsKnown = true;
      for (AddFile a : adds) {
        bytes += a.size();
        Long n = FileStats.parse(a.stats()).numRecords();
        if (n == null) {
          rowsKnown = false;
        } else {
          rows += n;
        }
      }
      m.put("numFiles", Integer.toString(adds.size()));
      if (rowsKnown) {
        m.put("numOutputRows", Long.toString(rows));
      }
      m.put("numOutputBytes", Long.toString(bytes));
    }
    if (!removes.isEmpty() && !WRITE_METRICS_ONLY.contains(op.name())) {
      m.put("numRemovedFiles", Integer.toString(removes.size()));
      m.put(
          "numRemovedBytes",
          Long.toString(removes.stream().mapToLong(r -> r.size() == null ? 0 : r.size()).sum()));
    }
    m.putAll(op.metrics());
    return m;
  }

  private static String version() {
    String v = CommitInfoFactory.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
