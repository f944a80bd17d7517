package io.deltajdbc.engine.internal.log;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/**
 * The file names of the {@code _delta_log} directory (protocol: "Delta Log Entries", "Checkpoints",
 * "Log Compaction Files", "Version Checksum File").
 */
public final class FileNames {
  public static final String LOG_DIR = "_delta_log";
  public static final String LAST_CHECKPOINT = "_last_checkpoint";
  public static final String SIDECAR_DIR = "_sidecars";

  private static final Pattern DELTA = Pattern.compile("(\\d{20})\\.json");
  private static final Pattern CLASSIC_CHECKPOINT =
      Pattern.compile("(\\d{20})\\.checkpoint\\.parquet");
  private static final Pattern MULTIPART_CHECKPOINT =
      Pattern.compile("(\\d{20})\\.checkpoint\\.(\\d{10})\\.(\\d{10})\\.parquet");
  private static final Pattern V2_CHECKPOINT =
      Pattern.compile("(\\d{20})\\.checkpoint\\.([0-9a-fA-F-]{36})\\.(json|parquet)");
  private static final Pattern COMPACTION =
      Pattern.compile("(\\d{20})\\.(\\d{20})\\.compacted\\.json");

  private FileNames() {}

  public static String padded(long version) {
    return String.format("%020d", version);
  }

  public static Path logPath(Path tableRoot) {
    return new Path(tableRoot, LOG_DIR);
  }

  public static Path deltaFile(Path logPath, long version) {
    return new Path(logPath, padded(version) + ".json");
  }

  public static Path classicCheckpoint(Path logPath, long version) {
    return new Path(logPath, padded(version) + ".checkpoint.parquet");
  }

  public static Path multipartCheckpoint(Path logPath, long version, int part, int parts) {
    return new Path(
        logPath,
        padded(version)
            + ".checkpoint."
            + String.format("%010d", part)
            + "."
            + String.format("%010d", parts)
            + ".parquet");
  }

  /** A path to list from so that every log file of {@code version} and later is included. */
  public static Path listingPrefix(Path logPath, long version) {
    return new Path(logPath, padded(version) + ".");
  }

  /** Classifies a file name of the log directory; unknown names give null (they are ignored). */
  public static LogFileName parse(String name) {
    Matcher m = DELTA.matcher(name);
    if (m.matches()) {
      return new LogFileName(LogFileName.Kind.DELTA, Long.parseLong(m.group(1)), 0, 0);
    }
    m = CLASSIC_CHECKPOINT.matcher(name);
    if (m.matches()) {
      return new LogFileName(LogFileName.Kind.CLASSIC_CHECKPOINT, Long.parseLong(m.group(1)), 1, 1);
    }
    m = MULTIPART_CHECKPOINT.matcher(name);
    if (m.matches()) {
      return new LogFileName(
          LogFileName.Kind.MULTIPART_CHECKPOINT,
          Long.parseLong(m.group(1)),
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)));
    }
    m = V2_CHECKPOINT.matcher(name);
    if (m.matches()) {
      return new LogFileName(LogFileName.Kind.V2_CHECKPOINT, Long.parseLong(m.group(1)), 1, 1);
    }
    m = COMPACTION.matcher(name);
    if (m.matches()) {
      return new LogFileName(
          LogFileName.Kind.COMPACTION,
          Long.parseLong(m.group(1)),
          0,
          0,
          Long.parseLong(m.group(2)));
    }
    return null;
  }
}
