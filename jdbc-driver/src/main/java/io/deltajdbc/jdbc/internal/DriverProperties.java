package io.deltajdbc.jdbc.internal;

import io.deltajdbc.engine.EngineConfig;
import java.sql.DriverPropertyInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What {@code Driver.getPropertyInfo} lists: the driver's own connection properties, each with a
 * description and its default, and the value the URL or the given properties already set. Calcite's
 * and Avatica's internal properties (factories, HTTP transport, materializations...) are not a
 * user's concern and are not listed.
 */
public final class DriverProperties {
  /** One property: its name, default (null: none) and what it does. */
  private record Property(String name, String defaultValue, String description) {}

  private static final List<Property> PROPERTIES =
      List.of(
          new Property(
              "warehouse",
              null,
              "The warehouse: a directory (local path or Hadoop URI such as s3a://bucket/wh) "
                  + "whose Delta tables are schema 'default' and whose folders of tables are schemas; the URL's "
                  + "jdbc:delta:<location> sets it."),
          new Property(
              "spark.master",
              "local[*]",
              "Where UPDATE, DELETE and MERGE run: an embedded Spark (local[*]) or "
                  + "a cluster (spark://host:7077). Reads and INSERT never start Spark."),
          new Property(
              "spark.executor.memory",
              null,
              "Memory of each Spark executor for DML (1g, 4g, ...). Also "
                  + "accepted: spark.app.name, spark.driver.*, spark.executor.*, spark.cores.max, spark.task.*, "
                  + "spark.default.parallelism, spark.scheduler.mode, spark.network.timeout, spark.sql.shuffle.partitions, "
                  + "spark.sql.files.*, spark.sql.autoBroadcastJoinThreshold, spark.sql.broadcastTimeout, spark.memory.*, "
                  + "spark.dynamicAllocation.*, spark.locality.wait*, spark.speculation*, spark.sql.adaptive.*; any other "
                  + "spark.* property is refused."),
          new Property(
              EngineConfig.PARTITION_TIME_ZONE,
              "UTC",
              "Time zone of zone-less timestamp partition values "
                  + "(a region such as Europe/Berlin, or an offset such as +02:00)."),
          new Property(
              EngineConfig.SCAN_THREADS,
              null,
              "How many data files a query reads at the same time, each "
                  + "on its own thread (default: the number of cores; 1 reads one file after the other)."),
          new Property(
              EngineConfig.SCAN_SPLIT_BYTES,
              "64m",
              "A data file larger than this is read as several splits "
                  + "of whole row groups, in parallel."),
          new Property(
              EngineConfig.SCAN_COLUMNAR,
              "true",
              "false reads data files row by row (parquet-mr's record "
                  + "assembly) and computes aggregates in Calcite's operators instead of on column batches."),
          new Property(
              "deltajdbc.write.targetFileSize",
              "128m",
              "Size at which a data file being written is closed and " + "the next one started."),
          new Property(
              "deltajdbc.checkpoint.partSize",
              "1000000",
              "Actions per part above which a checkpoint is split " + "into parts."),
          new Property(
              "deltajdbc.storage.<scheme>.singleWriter",
              "false",
              "true declares that only one process writes "
                  + "the tables of a storage scheme that has no atomic put-if-absent (e.g. s3a); commits there are refused "
                  + "otherwise."),
          new Property(
              "fs.*",
              null,
              "Hadoop FileSystem settings of the warehouse's storage (fs.s3a.access.key, "
                  + "fs.s3a.endpoint, fs.azure.account.key.<account>..., fs.gs.*), passed to the Hadoop configuration."),
          new Property(
              "hadoop.*",
              null,
              "Other Hadoop configuration settings, passed to the Hadoop configuration."));

  private DriverProperties() {}

  public static DriverPropertyInfo[] of(DeltaUrl url) {
    Properties given = url.properties();
    List<DriverPropertyInfo> out = new ArrayList<>();
    for (Property p : PROPERTIES) {
      String value =
          p.name().equals("warehouse")
              ? (url.location().isEmpty() ? null : url.location())
              : given.getProperty(p.name(), p.defaultValue());
      DriverPropertyInfo info = new DriverPropertyInfo(p.name(), value);
      info.description =
          p.description() + (p.defaultValue() == null ? "" : " Default: " + p.defaultValue() + ".");
      info.required = p.name().equals("warehouse");
      out.add(info);
    }
    return out.toArray(new DriverPropertyInfo[0]);
  }
}
