package io.deltajdbc.engine.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The JVM's one SparkSession for DML, started on first use with {@code getOrCreate} semantics: an
 * active or default session (an application's own, or a test's) is reused as it is. A session
 * started here runs on {@code spark.master} (default {@code local[*]}) with every {@code spark.*}
 * setting passed through, no UI unless asked for, UTC and Java 8 time types, quiet logging, and
 * is stopped at JVM exit.
 */
final class SharedSparkSession {
  private static SparkSession session;

  private SharedSparkSession() {}

  static synchronized SparkSession get(Map<String, String> conf) {
    if (session != null && !session.sparkContext().isStopped()) {
      return session;
    }
    SparkSession existing = SparkSession.getActiveSession().isDefined() ? SparkSession.getActiveSession().get()
        : SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get() : null;
    if (existing != null && !existing.sparkContext().isStopped()) {
      session = existing;
      return session;
    }
    QuietLogging.apply();
    SparkSession.Builder b = SparkSession.builder()
        .appName("delta-jdbc")
        .master(conf.getOrDefault("spark.master", "local[*]"))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.shuffle.partitions", "8");
    conf.forEach((k, v) -> {
      if (k.startsWith("spark.")) {
        b.config(k, v);
      }
    });
    SparkSession created = b.getOrCreate();
    Runtime.getRuntime().addShutdownHook(new Thread(created::stop, "delta-jdbc-spark-stop"));
    session = created;
    return session;
  }
}
