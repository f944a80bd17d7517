package io.deltajdbc.tools.bench;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.SchemaJson;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Commits per second of small blind appends: one writer, then several concurrent writers on one
 * table, for delta-jdbc's engine and for delta-spark on an embedded local Spark, in the same run.
 * Usage: {@code CommitBenchmark [commitsPerWriter=40] [writers=4] [rowsPerCommit=100]}.
 */
public final class CommitBenchmark {
  private static final StructType SCHEMA = StructType.of(new StructField("id", PrimitiveType.LONG, false),
      new StructField("name", PrimitiveType.STRING, true), new StructField("amount", PrimitiveType.DOUBLE, true));

  private CommitBenchmark() {}

  public static void main(String[] args) throws Exception {
    int commits = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int writers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int rows = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Path root = Files.createTempDirectory("commit-bench");
    SparkSession spark = SparkSession.builder().master("local[" + writers + "]").appName("commit-bench")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    org.apache.spark.sql.types.StructType sparkSchema =
        (org.apache.spark.sql.types.StructType) org.apache.spark.sql.types.DataType.fromJson(SchemaJson.toJson(SCHEMA));

    Engine ours = new Engine() {
      @Override
      public void create(String path) {
        DeltaTable.create(path, DeltaTable.defaultConfiguration(), TableSpec.of(SCHEMA));
      }

      private final java.util.Map<String, DeltaTable> tables = new java.util.concurrent.ConcurrentHashMap<>();

      @Override
      public void append(String path, List<Row> batch) {
        // One table handle per writer thread, as a long-running writer keeps it: each commit then
        // reads only the commits that are new since its last one.
        DeltaTable table = tables.computeIfAbsent(path + "#" + Thread.currentThread().getId(),
            k -> DeltaTable.forPath(path, DeltaTable.defaultConfiguration()));
        Transaction txn = table.startTransaction();
        txn.write(batch.iterator());
        txn.commit(Operation.append());
      }
    };
    Engine theirs = new Engine() {
      @Override
      public void create(String path) {
        spark.createDataFrame(List.of(), sparkSchema).write().format("delta").save(path);
      }

      @Override
      public void append(String path, List<Row> batch) {
        List<org.apache.spark.sql.Row> r = new ArrayList<>();
        batch.forEach(x -> r.add(RowFactory.create(x.toArray())));
        Dataset<org.apache.spark.sql.Row> df = spark.createDataFrame(r, sparkSchema).coalesce(1);
        df.write().format("delta").mode("append").save(path);
      }
    };

    // Warm both up (class loading, JIT, Spark's first job) before measuring.
    run(ours, root.resolve("warm-ours").toString(), 10, 1, rows);
    run(theirs, root.resolve("warm-spark").toString(), 10, 1, rows);

    double ours1 = run(ours, root.resolve("ours-1").toString(), commits, 1, rows);
    double spark1 = run(theirs, root.resolve("spark-1").toString(), commits, 1, rows);
    double oursN = run(ours, root.resolve("ours-n").toString(), commits, writers, rows);
    double sparkN = run(theirs, root.resolve("spark-n").toString(), commits, writers, rows);

    System.out.println();
    System.out.printf("Blind appends of %d rows, %d commits per writer (commits per second, higher is better)%n%n",
        rows, commits);
    System.out.println("| writers | delta-jdbc | delta-spark 3.2.1 | ratio |");
    System.out.println("|---|---|---|---|");
    System.out.printf("| 1 | %.1f | %.1f | %.2fx |%n", ours1, spark1, ours1 / spark1);
    System.out.printf("| %d concurrent | %.1f | %.1f | %.2fx |%n", writers, oursN, sparkN, oursN / sparkN);
    spark.stop();
  }

  private interface Engine {
    void create(String path);

    void append(String path, List<Row> batch);
  }

  /** Commits per second of {@code writers} threads each making {@code commits} appends. */
  private static double run(Engine engine, String path, int commits, int writers, int rows) throws Exception {
    engine.create(path);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      futures.add(pool.submit(() -> {
        for (int c = 0; c < commits; c++) {
          List<Row> batch = new ArrayList<>(rows);
          for (int i = 0; i < rows; i++) {
            long id = ((long) writer * commits + c) * rows + i;
            batch.add(Row.of(id, "name-" + id, id * 0.5));
          }
          engine.append(path, batch);
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return commits * writers / seconds;
  }
}
