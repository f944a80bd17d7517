package io.deltajdbc.tools.bench.data;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.tools.bench.tpch.TpchTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The data sets of one seed under a data directory, each generated once and reused while its
 * parameters are unchanged: a directory holds a {@code _dataset} file naming the parameters it was
 * written with, and a directory without it (an interrupted run) is written again.
 */
public final class DataSets {
  /**
   * The warehouse of one {@code lineitem} size: {@code lineitem} and {@code lineitem_p}
   * (partitioned).
   */
  public static final String LINEITEM = "lineitem";

  public static final String LINEITEM_PARTITIONED = "lineitem_p";

  /** The table of the long-log data set. */
  public static final String LONG_LOG = "events";

  private final Path root;
  private final long seed;
  private final Configuration conf;

  public DataSets(Path root, long seed) {
    this.root = root;
    this.seed = seed;
    this.conf = DeltaTable.defaultConfiguration();
    // files of about 64 MB: a few per partition of the 6M-row table, enough for skipping to matter
    conf.set("deltajdbc.write.targetFileSize", "64m");
  }

  /** The warehouse holding both layouts of {@code lineitem} with {@code rows} rows. */
  public Path lineitem(long rows) throws Exception {
    return ensure(
        "lineitem-" + rows,
        "rows=" + rows,
        dir -> {
          // the two layouts at once, one per core
          ExecutorService pool = Executors.newFixedThreadPool(2);
          try {
            Future<?> plain =
                pool.submit(
                    () ->
                        Lineitem.write(dir.resolve(LINEITEM).toString(), conf, rows, false, seed));
            Future<?> part =
                pool.submit(
                    () ->
                        Lineitem.write(
                            dir.resolve(LINEITEM_PARTITIONED).toString(), conf, rows, true, seed));
            plain.get();
            part.get();
          } finally {
            pool.shutdownNow();
          }
        });
  }

  /** The warehouse of the eight TPC-H tables at {@code scaleFactor}, written by delta-spark. */
  public Path tpch(double scaleFactor, SparkSession spark) throws Exception {
    return ensure(
        "tpch-sf" + scaleFactor,
        "scaleFactor=" + scaleFactor,
        dir -> TpchTables.write(spark, dir, scaleFactor));
  }

  /** The warehouse holding the long-log table {@link #LONG_LOG}. */
  public Path longLog(int commits, int filesPerCommit, int checkpointInterval) throws Exception {
    return ensure(
        "longlog-" + commits + "x" + filesPerCommit,
        "commits="
            + commits
            + " files="
            + filesPerCommit
            + " checkpointInterval="
            + checkpointInterval,
        dir ->
            LongLog.write(
                dir.resolve(LONG_LOG).toString(),
                conf,
                commits,
                filesPerCommit,
                checkpointInterval,
                seed));
  }

  /** The warehouse of {@code tables} small tables. */
  public Path wideCatalog(int tables) throws Exception {
    return ensure(
        "catalog-" + tables, "tables=" + tables, dir -> WideCatalog.write(dir, conf, tables, seed));
  }

  private interface Writer {
    void write(Path dir) throws Exception;
  }

  private Path ensure(String name, String parameters, Writer writer) throws Exception {
    Path dir = root.resolve(name);
    Path marker = dir.resolve("_dataset");
    String expected = parameters + " seed=" + seed + System.lineSeparator();
    if (Files.exists(marker) && Files.readString(marker).equals(expected)) {
      return dir;
    }
    deleteRecursively(dir);
    Files.createDirectories(dir);
    long start = System.nanoTime();
    System.err.printf("[bench] writing data set %s (%s)%n", name, parameters);
    writer.write(dir);
    System.err.printf("[bench] wrote %s in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
    Files.writeString(marker, expected);
    return dir;
  }

  /** Deletes {@code dir} and everything in it, if it exists. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
