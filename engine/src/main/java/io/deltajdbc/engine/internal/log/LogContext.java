package io.deltajdbc.engine.internal.log;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.storage.LogStore;
import org.apache.hadoop.fs.Path;

/**
 * Where one table's log is and how to reach it: the store, the {@code _delta_log} directory, and
 * the table's name for messages. What every reader and writer of the log is built from.
 */
public record LogContext(LogStore store, Path logPath, String tableName) {
  public LogContext {
    requireNonNull(store, "store");
    requireNonNull(logPath, "logPath");
    requireNonNull(tableName, "tableName");
  }

  /** The log of the table rooted at {@code tableRoot}. */
  public static LogContext ofTable(LogStore store, Path tableRoot, String tableName) {
    return new LogContext(
        store, FileNames.logPath(requireNonNull(tableRoot, "tableRoot")), tableName);
  }
}
