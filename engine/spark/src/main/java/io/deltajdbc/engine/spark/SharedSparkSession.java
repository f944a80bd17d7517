package io.deltajdbc.engine.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The JVM's one SparkSession for DML, started on first use with {@code getOrCreate} semantics: an
 * active or default session (an application's own, or a test's) is reused. Statements never run on
 * that session itself but on a {@link ClosedSession} child of it. A session started here runs on
 * {@code spark.master} (default {@code local[*]}) with the given {@code spark.*} settings (a
 * connection's, checked by the dml package) over the JVM's {@code -Dspark.*} properties, no UI
 * unless a system property asks for one, the in-memory catalog with its warehouse in a temporary
 * folder of ours (nothing appears in the working directory), quiet logging, and is stopped at JVM
 * exit.
 */
final class SharedSparkSession {
  private static SparkSession parent;
  private static SparkSession session;

  private SharedSparkSession() {}

  static synchronized SparkSession get(Map<String, String> conf) {
    if (session != null && !session.sparkContext().isStopped()) {
      return session;
    }
    SparkSession existing =
        SparkSession.getActiveSession().isDefined()
            ? SparkSession.getActiveSession().get()
            : SparkSession.getDefaultSession().isDefined()
                ? SparkSession.getDefaultSession().get()
                : null;
    if (existing != null && existing.sparkContext().isStopped()) {
      existing = null;
    }
    if (existing == null && (parent == null || parent.sparkContext().isStopped())) {
      existing = start(conf);
    } else if (existing == null) {
      existing = parent;
    }
    parent = existing;
    session = ClosedSession.of(existing);
    return session;
  }

  private static SparkSession start(Map<String, String> conf) {
    QuietLogging.apply();
    Path warehouse = temporaryWarehouse();
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("delta-jdbc")
            .config("spark.sql.catalogImplementation", "in-memory")
            .config("spark.sql.warehouse.dir", warehouse.toUri().toString());
    // Defaults, unless the JVM's -Dspark.* properties (read by Spark itself) say otherwise.
    defaultUnlessSystem(b, "spark.master", "local[*]");
    defaultUnlessSystem(b, "spark.ui.enabled", "false");
    defaultUnlessSystem(b, "spark.sql.shuffle.partitions", "8");
    conf.forEach(
        (k, v) -> {
          if (k.startsWith("spark.")) {
            b.config(k, v);
          }
        });
    // Last, so that neither a connection nor a system property can open them again.
    ClosedSession.SETTINGS.forEach(b::config);
    SparkSession created = b.getOrCreate();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  created.stop();
                  deleteRecursively(warehouse);
                },
                "delta-jdbc-spark-stop"));
    return created;
  }

  private static void defaultUnlessSystem(SparkSession.Builder b, String key, String value) {
    if (System.getProperty(key) == null) {
      b.config(key, value);
    }
  }

  private static Path temporaryWarehouse() {
    try {
      return Files.createTempDirectory("delta-jdbc-spark-warehouse-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for Spark's warehouse", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // at JVM exit, a folder left in the temporary directory is no failure
    }
  }
}
