package io.deltajdbc.engine.internal.utilities;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.TableInfo;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.CommitInfo;
import io.deltajdbc.engine.internal.features.TableFeatures;
import io.deltajdbc.engine.internal.log.CommitFile;
import io.deltajdbc.engine.internal.log.LogSegmentLoader;
import io.deltajdbc.engine.internal.snapshot.SnapshotManager;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.utilities.HistoryEntry;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DESCRIBE HISTORY (delta-spark's {@code DeltaHistoryManager.getHistory}): the {@code commitInfo}
 * of each commit from the earliest commit file (or the last {@code limit} versions) to the latest,
 * newest first. Commits before in-commit timestamps were enabled get their file's modification
 * time, raised where needed to one millisecond after the commit before (among those listed); later
 * commits get their in-commit timestamp.
 */
public final class HistoryReader {
  private final SnapshotManager snapshots;
  private final String tableName;

  public HistoryReader(SnapshotManager snapshots, String tableName) {
    this.snapshots = requireNonNull(snapshots, "snapshots");
    this.tableName = requireNonNull(tableName, "tableName");
  }

  /** The history, newest first; {@code limit} < 0 means every commit still in the log. */
  public List<HistoryEntry> read(int limit) {
    TableInfo latest = snapshots.latestInfo();
    LogSegmentLoader.LogListingView listing = snapshots.loader().listAll();
    long end = latest.version();
    long start =
        limit >= 0 ? Math.max(end - limit + 1, 0) : listing.deltas().firstKey(); // earliest file
    long ictFrom = ictEnablementVersion(latest);
    List<HistoryEntry> fileTimed = new ArrayList<>();
    List<HistoryEntry> ictTimed = new ArrayList<>();
    for (long v = start; v <= end; v++) {
      FileInfo file = listing.deltas().get(v);
      if (file == null) {
        continue; // cleaned up by log retention (delta-spark skips a missing file too)
      }
      List<Action> actions = actions(v, file);
      if (actions == null) {
        continue; // deleted while we read
      }
      CommitInfo ci =
          actions.stream()
              .filter(CommitInfo.class::isInstance)
              .map(CommitInfo.class::cast)
              .findFirst()
              .orElse(null);
      boolean ict = v >= ictFrom;
      long time;
      if (ict) {
        if (ci == null || ci.inCommitTimestamp().isEmpty()) {
          throw DeltaErrors.corruptLog(
              tableName,
              v,
              "in-commit timestamps are enabled but the commit has no "
                  + "commitInfo.inCommitTimestamp, so its time in the history is unknown.");
        }
        time = ci.inCommitTimestamp().get();
      } else {
        time = file.modificationTime();
      }
      (ict ? ictTimed : fileTimed).add(entry(v, Instant.ofEpochMilli(time), ci));
    }
    monotonize(fileTimed);
    List<HistoryEntry> out = new ArrayList<>(ictTimed.size() + fileTimed.size());
    out.addAll(fileTimed);
    out.addAll(ictTimed);
    Collections.reverse(out);
    return out;
  }

  /** Each commit at least one millisecond after the one before it (list in version order). */
  private static void monotonize(List<HistoryEntry> commits) {
    for (int i = 1; i < commits.size(); i++) {
      Instant previous = commits.get(i - 1).timestamp();
      if (!commits.get(i).timestamp().isAfter(previous)) {
        commits.set(i, commits.get(i).withTimestamp(previous.plusMillis(1)));
      }
    }
  }

  /** The first version with in-commit timestamps, or {@code Long.MAX_VALUE} when disabled. */
  private static long ictEnablementVersion(TableInfo latest) {
    Map<String, String> conf = latest.metadata().configuration();
    // delta-spark 3.2.1 writes the preview names of the properties (protocol: "In-Commit
    // Timestamps" names them without the suffix).
    boolean enabled =
        TableFeatures.inCommitTimestampsEnabled(latest.metadata())
            || Boolean.parseBoolean(
                conf.getOrDefault("delta.enableInCommitTimestamps-preview", ""));
    if (!enabled) {
      return Long.MAX_VALUE;
    }
    String v = conf.get("delta.inCommitTimestampEnablementVersion");
    if (v == null) {
      v = conf.get("delta.inCommitTimestampEnablementVersion-preview");
    }
    return v == null ? 0 : Long.parseLong(v.trim());
  }

  /** The commit's actions, or null when the file has gone. */
  private List<Action> actions(long version, FileInfo file) {
    List<String> lines;
    try {
      lines = snapshots.store().readLines(file.path());
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw DeltaErrors.storage("reading commit", file.path().toString(), e);
    }
    return CommitFile.parse(tableName, version, file.path().toString(), lines);
  }

  private static HistoryEntry entry(long version, Instant time, CommitInfo ci) {
    if (ci == null) {
      return new HistoryEntry(
          version, time, null, null, null, null, null, null, null, null, null, null, null, null,
          null);
    }
    Map<String, Object> v = ci.values();
    return new HistoryEntry(
        version,
        time,
        text(v.get("userId")),
        text(v.get("userName")),
        text(v.get("operation")),
        textMap(v.get("operationParameters")),
        job(v.get("job")),
        v.get("notebook") instanceof Map<?, ?> nb
            ? new HistoryEntry.Notebook(text(nb.get("notebookId")))
            : null,
        text(v.get("clusterId")),
        v.get("readVersion") instanceof Number n ? n.longValue() : null,
        text(v.get("isolationLevel")),
        v.get("isBlindAppend") instanceof Boolean b ? b : null,
        textMap(v.get("operationMetrics")),
        text(v.get("userMetadata")),
        text(v.get("engineInfo")));
  }

  private static HistoryEntry.Job job(Object o) {
    if (!(o instanceof Map<?, ?> j)) {
      return null;
    }
    return new HistoryEntry.Job(
        text(j.get("jobId")),
        text(j.get("jobName")),
        text(j.get("jobRunId")),
        text(j.get("runId")),
        text(j.get("jobOwnerId")),
        text(j.get("triggerType")));
  }

  /** A JSON map's values as text, as delta-spark reads them into a {@code Map[String, String]}. */
  private static Map<String, String> textMap(Object o) {
    if (!(o instanceof Map<?, ?> m)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, val) -> out.put(String.valueOf(k), text(val)));
    return out;
  }

  /** A JSON scalar as text; an object or array as its JSON. */
  private static String text(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof Number || o instanceof Boolean) {
      return o.toString();
    }
    return ActionJson.toJsonValue(o);
  }
}
