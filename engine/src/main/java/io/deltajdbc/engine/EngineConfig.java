package io.deltajdbc.engine;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.hadoop.conf.Configuration;

/** Settings the engine reads from the Hadoop configuration a table is opened with. */
public final class EngineConfig {
  /**
   * The time zone of zone-less timestamp partition values ({@code 2021-09-08 11:11:11}). The
   * protocol says they are in the time zone of the system that wrote the table, which the log does
   * not record; Spark writes its session time zone. Default UTC, as delta-kernel reads them.
   */
  public static final String PARTITION_TIME_ZONE = "deltajdbc.partitionTimeZone";

  /**
   * How many of a scan's splits (data files) are read at the same time, each on its own thread.
   * Default: the number of cores; 1 reads file after file on the statement's thread.
   */
  public static final String SCAN_THREADS = "deltajdbc.scan.threads";

  /**
   * The bytes of a file above which a scan reads it as several splits, each a run of its row groups
   * of about this many bytes, so that one large file is read on several threads. Default 64 MiB.
   * Files read by the record reader (nested columns) stay one split each.
   */
  public static final String SCAN_SPLIT_BYTES = "deltajdbc.scan.splitBytes";

  /** {@link #SCAN_SPLIT_BYTES}'s default. */
  public static final long DEFAULT_SPLIT_BYTES = 64L << 20;

  /**
   * Whether flat columns are decoded column by column into batches (true, the default) or row by
   * row with parquet-mr's record assembly (false: the path before columnar reads, kept for
   * comparison and as a way around a problem with one table's files).
   */
  public static final String SCAN_COLUMNAR = "deltajdbc.scan.columnar";

  /**
   * Whether VACUUM refuses a retention shorter than the table's {@code
   * delta.deletedFileRetentionDuration} (true, the default; delta-spark's {@code
   * spark.databricks.delta.retentionDurationCheck.enabled}). Turn it off only when no writer can be
   * working on the table: a shorter retention may delete files a running write still needs.
   */
  public static final String VACUUM_RETENTION_CHECK =
      "deltajdbc.vacuum.retentionDurationCheck.enabled";

  private EngineConfig() {}

  /** True unless {@link #VACUUM_RETENTION_CHECK} is {@code false}. */
  public static boolean vacuumRetentionCheck(Configuration conf) {
    return !"false".equalsIgnoreCase(conf.get(VACUUM_RETENTION_CHECK, "true").trim());
  }

  /** True unless {@link #SCAN_COLUMNAR} is {@code false}. */
  public static boolean columnarScans(Configuration conf) {
    return !"false".equalsIgnoreCase(conf.get(SCAN_COLUMNAR, "true").trim());
  }

  /** The scan parallelism {@link #SCAN_THREADS} sets, at least 1. */
  public static int scanThreads(Configuration conf) {
    String v = conf.get(SCAN_THREADS);
    if (v == null || v.isBlank()) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw DeltaErrors.invalidArgument(
        "Setting "
            + SCAN_THREADS
            + " = '"
            + v
            + "' is not a number of threads (a whole number, 1 or more).");
  }

  /** The split size {@link #SCAN_SPLIT_BYTES} sets, at least 1. */
  public static long splitBytes(Configuration conf) {
    String v = conf.get(SCAN_SPLIT_BYTES);
    if (v == null || v.isBlank()) {
      return DEFAULT_SPLIT_BYTES;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw DeltaErrors.invalidArgument(
        "Setting "
            + SCAN_SPLIT_BYTES
            + " = '"
            + v
            + "' is not a number of bytes (a whole number, 1 or more).");
  }

  public static ZoneId partitionTimeZone(Configuration conf) {
    String zone = conf.get(PARTITION_TIME_ZONE);
    if (zone == null || zone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(zone.trim());
    } catch (DateTimeException e) {
      throw DeltaErrors.invalidArgument(
          "Setting "
              + PARTITION_TIME_ZONE
              + " = '"
              + zone
              + "' is not a time zone (use a region such as Europe/Berlin, or an offset such as +02:00).");
    }
  }
}
