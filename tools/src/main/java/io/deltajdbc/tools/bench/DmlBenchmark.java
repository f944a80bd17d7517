package io.deltajdbc.tools.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * DML through the driver beside delta-spark on the same SparkSession, in one run (median of three
 * rounds after a warm-up, the two sides alternating):
 * INSERT of N rows through one {@code PreparedStatement.executeBatch} (delta-spark: the same rows
 * as a DataFrame appended from the client's memory), and UPDATE of 1% of an M-row table (the same
 * SQL on two identical copies written by delta-spark). Usage:
 * {@code DmlBenchmark [insertRows=1000000] [updateTableRows=10000000]}.
 */
public final class DmlBenchmark {
  private DmlBenchmark() {}

  public static void main(String[] args) throws Exception {
    int insertRows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long tableRows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    Path root = Files.createTempDirectory("dml-bench");
    SparkSession spark = SparkSession.builder().master("local[*]").appName("dml-bench")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    String url = "jdbc:delta:" + root;

    // INSERT through executeBatch, and the same rows appended by delta-spark from the client's memory
    StructType schema = new StructType().add("id", DataTypes.LongType).add("qty", DataTypes.IntegerType)
        .add("name", DataTypes.StringType);
    List<Row> rows = new ArrayList<>(insertRows);
    for (int i = 0; i < insertRows; i++) {
      rows.add(RowFactory.create((long) i, i % 1000, "name-" + i));
    }
    spark.sql("CREATE TABLE delta.`" + root.resolve("ins_spark") + "` (id BIGINT, qty INT, name STRING) USING delta");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ins (id BIGINT, qty INT, name STRING)");
    }
    double[][] insert = measure(() -> {
      try (Connection c = DriverManager.getConnection(url);
          PreparedStatement ps = c.prepareStatement("INSERT INTO ins VALUES (?, ?, ?)")) {
        for (int i = 0; i < insertRows; i++) {
          ps.setLong(1, i);
          ps.setInt(2, i % 1000);
          ps.setString(3, "name-" + i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }, () -> spark.createDataFrame(rows, schema).write().format("delta").mode("append")
        .save(root.resolve("ins_spark").toString()));
    long inserted = spark.read().format("delta").load(root.resolve("ins").toString()).count();

    // UPDATE of 1% of a table, on two identical copies; each round updates the same rows again
    for (String t : List.of("upd", "upd_spark")) {
      spark.range(tableRows).selectExpr("id", "CAST(id % 1000 AS INT) AS qty", "concat('name-', id) AS name")
          .repartition(8).write().format("delta").save(root.resolve(t).toString());
    }
    long[] updated = {0};
    double[][] update = measure(() -> {
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        updated[0] = s.executeUpdate("UPDATE upd SET qty = qty + 1 WHERE id % 100 = 7");
      }
    }, () -> spark.sql("UPDATE delta.`" + root.resolve("upd_spark") + "` SET qty = qty + 1 WHERE id % 100 = 7")
        .collect());
    long differing = spark.read().format("delta").load(root.resolve("upd").toString())
        .except(spark.read().format("delta").load(root.resolve("upd_spark").toString())).count();

    System.out.println();
    System.out.printf("Median of %d rounds after %d warm-up, the two sides alternating.%n", ROUNDS, WARMUP);
    System.out.printf("| workload | delta-jdbc (s) | delta-spark (s) | ratio us/peer |%n|---|---|---|---|%n");
    System.out.printf("| INSERT %,d rows, one executeBatch | %.2f | %.2f | %.2f |%n", insertRows, median(insert[0]),
        median(insert[1]), median(insert[0]) / median(insert[1]));
    System.out.printf("| UPDATE 1%% (%,d of %,d rows) | %.2f | %.2f | %.2f |%n", updated[0], tableRows,
        median(update[0]), median(update[1]), median(update[0]) / median(update[1]));
    System.out.printf("(inserted rows read back: %,d; rows differing between the two updated copies: %d)%n", inserted,
        differing);
  }

  private static final int WARMUP = 1;
  private static final int ROUNDS = 3;

  /** A timed action that may throw. */
  private interface Work {
    void run() throws Exception;
  }

  /** Seconds of each measured round, ours then the peer's, alternating which goes first. */
  private static double[][] measure(Work ours, Work peer) throws Exception {
    double[][] t = new double[2][ROUNDS];
    for (int round = 0; round < WARMUP + ROUNDS; round++) {
      boolean oursFirst = round % 2 == 0;
      double a = time(oursFirst ? ours : peer);
      double b = time(oursFirst ? peer : ours);
      if (round >= WARMUP) {
        t[0][round - WARMUP] = oursFirst ? a : b;
        t[1][round - WARMUP] = oursFirst ? b : a;
      }
    }
    return t;
  }

  private static double time(Work w) throws Exception {
    long start = System.nanoTime();
    w.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2];
  }
}
