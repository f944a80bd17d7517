package io.deltajdbc.engine.storage;

import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Chooses the log store for a table path by its URI scheme. */
public final class LogStores {
  private LogStores() {}

  /** The log store for tables under {@code tablePath}; plain paths mean the local file system. */
  public static LogStore forPath(Path tablePath, Configuration conf) {
    String scheme = tablePath.toUri().getScheme();
    String s = scheme == null ? "file" : scheme.toLowerCase(Locale.ROOT);
    return switch (s) {
      case "file", "hdfs", "viewfs", "abfs", "abfss", "gs" -> new HadoopLogStore(conf);
      default -> new SingleWriterLogStore(new HadoopLogStore(conf), s);
    };
  }
}
