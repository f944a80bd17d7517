package io.deltajdbc.engine.utilities;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One commit of a table, as a row of delta-spark's {@code DESCRIBE HISTORY}: its 15 columns in
 * their order. {@code timestamp} is the in-commit timestamp where the table records them, otherwise
 * the commit file's modification time made strictly increasing over the commits listed. A field the
 * commit does not record is null (a commit without {@code commitInfo} has only version and
 * timestamp); map values are the log's JSON values as text ({@code "Append"}, {@code "[]"}, {@code
 * "true"}, {@code "604800000"}), or null for a JSON null.
 */
public record HistoryEntry(
    long version,
    Instant timestamp,
    String userId,
    String userName,
    String operation,
    Map<String, String> operationParameters,
    Job job,
    Notebook notebook,
    String clusterId,
    Long readVersion,
    String isolationLevel,
    Boolean isBlindAppend,
    Map<String, String> operationMetrics,
    String userMetadata,
    String engineInfo) {

  public HistoryEntry {
    java.util.Objects.requireNonNull(timestamp, "timestamp");
    operationParameters = copy(operationParameters);
    operationMetrics = copy(operationMetrics);
  }

  /** The same commit at another time (history's monotonization). */
  public HistoryEntry withTimestamp(Instant newTimestamp) {
    return new HistoryEntry(
        version,
        newTimestamp,
        userId,
        userName,
        operation,
        operationParameters,
        job,
        notebook,
        clusterId,
        readVersion,
        isolationLevel,
        isBlindAppend,
        operationMetrics,
        userMetadata,
        engineInfo);
  }

  private static Map<String, String> copy(Map<String, String> m) {
    return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** The job that made the commit (delta-spark's {@code JobInfo}), when the writer recorded one. */
  public record Job(
      String jobId,
      String jobName,
      String jobRunId,
      String runId,
      String jobOwnerId,
      String triggerType) {}

  /** The notebook that made the commit, when the writer recorded one. */
  public record Notebook(String notebookId) {}
}
