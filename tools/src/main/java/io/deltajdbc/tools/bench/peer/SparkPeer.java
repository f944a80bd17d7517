package io.deltajdbc.tools.bench.peer;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;

/**
 * delta-spark 3.2.1 on an embedded {@code local[*]} SparkSession with Delta's SQL extensions. The
 * same session is the backend of our own DML (the engine reuses a running session), so both sides
 * of a DML comparison run on the same executors.
 */
public final class SparkPeer {
  public static final String NAME = "delta-spark 3.2.1";
  private final SparkSession spark;

  public SparkPeer() {
    spark =
        SparkSession.builder()
            .master("local[*]")
            .appName("delta-jdbc-bench")
            .config("spark.ui.enabled", "false")
            .config(
                "spark.sql.shuffle.partitions",
                String.valueOf(Runtime.getRuntime().availableProcessors() * 2))
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
  }

  public SparkSession session() {
    return spark;
  }

  /** The SQL name of the Delta table at {@code path}. */
  public static String table(String path) {
    return "delta.`" + path + "`";
  }

  /** Runs a query on {@code session} and returns its rows as lists of Java values. */
  public static List<List<Object>> rows(SparkSession session, String sql) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : session.sql(sql).collectAsList()) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        row.add(r.get(i));
      }
      out.add(row);
    }
    return out;
  }

  public List<List<Object>> rows(String sql) {
    return rows(spark, sql);
  }

  /**
   * A session sharing the SparkContext but nothing cached: a client's fresh start on a warm
   * cluster.
   */
  public SparkSession freshSession() {
    DeltaLog.clearCache();
    return spark.newSession();
  }

  /**
   * Cold snapshot load: no cached DeltaLog, then the state of the latest version (its number of
   * files).
   */
  public FileCount coldFileCount(String path) {
    DeltaLog.clearCache();
    Snapshot s = DeltaLog.forTable(spark, path).unsafeVolatileSnapshot();
    return new FileCount(s.version(), s.numOfFiles());
  }

  /**
   * Incremental snapshot load: the cached DeltaLog brought up to date, then its number of files.
   */
  public static FileCount updatedFileCount(DeltaLog log) {
    Snapshot s = log.update(false, scala.Option.empty());
    return new FileCount(s.version(), s.numOfFiles());
  }
}
