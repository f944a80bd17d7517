package io.deltajdbc.engine.dml;

import io.deltajdbc.engine.DeltaErrors;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code spark.*} settings a connection may choose for the DML SparkSession: where it runs
 * ({@code spark.master}, the driver's address and ports) and how much it uses (memory, cores,
 * parallelism, scheduling, timeouts). Whoever can write a JDBC URL can set connection properties,
 * so everything else is refused: settings that load classes or jars ({@code spark.jars*}, {@code
 * spark.extraListeners}, {@code spark.plugins}, {@code spark.sql.extensions}, class paths,
 * serializers), run JVM options ({@code spark.*.extraJavaOptions}), read or write files ({@code
 * spark.sql.warehouse.dir}, {@code spark.local.dir}, {@code spark.eventLog.*}, {@code
 * spark.files}), open a port ({@code spark.ui.*}), or change how SQL text is read ({@code
 * spark.sql.runSQLOnFiles}, {@code spark.sql.variable.substitute}). The application sets those as
 * JVM system properties ({@code -Dspark.jars=...}, which Spark reads when the session starts) or
 * starts its own SparkSession.
 */
final class SparkConnectionSettings {
  private static final Set<String> KEYS =
      Set.of(
          "spark.master",
          "spark.app.name",
          "spark.driver.host",
          "spark.driver.bindAddress",
          "spark.driver.port",
          "spark.driver.blockManager.port",
          "spark.blockManager.port",
          "spark.port.maxRetries",
          "spark.driver.memory",
          "spark.driver.cores",
          "spark.driver.maxResultSize",
          "spark.driver.memoryOverhead",
          "spark.executor.memory",
          "spark.executor.cores",
          "spark.executor.instances",
          "spark.executor.memoryOverhead",
          "spark.executor.heartbeatInterval",
          "spark.cores.max",
          "spark.task.cpus",
          "spark.task.maxFailures",
          "spark.default.parallelism",
          "spark.scheduler.mode",
          "spark.network.timeout",
          "spark.sql.shuffle.partitions",
          "spark.sql.files.maxPartitionBytes",
          "spark.sql.files.openCostInBytes",
          "spark.sql.autoBroadcastJoinThreshold",
          "spark.sql.broadcastTimeout");
  private static final List<String> PREFIXES =
      List.of(
          "spark.memory.",
          "spark.dynamicAllocation.",
          "spark.locality.wait",
          "spark.speculation",
          "spark.sql.adaptive.");

  private SparkConnectionSettings() {}

  /** Refuses a setting a connection may not choose, naming it and saying where it belongs. */
  static void check(Map<String, String> settings) {
    for (String key : settings.keySet()) {
      if (!allowed(key)) {
        throw DeltaErrors.sparkSettingRefused(key);
      }
    }
  }

  static boolean allowed(String key) {
    if (KEYS.contains(key)) {
      return true;
    }
    for (String p : PREFIXES) {
      if (key.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
