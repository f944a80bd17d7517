package io.deltajdbc.tools.bench.workload;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.SchemaJson;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.tools.bench.Harness.Side;
import io.deltajdbc.tools.bench.peer.SparkPeer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.DataType;
import scala.Option;

/**
 * Commits per second of small blind appends (100 rows each) into a new table: one writer, then
 * several concurrent writers on one table, our engine's transactions against delta-spark's
 * DataFrame appends. Each writer keeps its table handle, as a long-running writer would. The answer
 * of each side is the number of commits the table's log holds afterwards.
 */
public final class Commits implements Workload {
  private static final int ROWS = 100;
  private static final StructType SCHEMA =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, false),
          new StructField("name", PrimitiveType.STRING, true),
          new StructField("amount", PrimitiveType.DOUBLE, true));

  @Override
  public String name() {
    return "commits";
  }

  /** How one side appends a batch of rows to the table at a path. */
  private interface Appender {
    void create(String path);

    void append(String path, List<Row> rows, int writer);

    long version(String path);
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    int commits = ctx.scale().commitsPerWriter();
    SparkSession spark = ctx.spark().session();
    org.apache.spark.sql.types.StructType sparkSchema =
        (org.apache.spark.sql.types.StructType) DataType.fromJson(SchemaJson.toJson(SCHEMA));
    Appender ours =
        new Appender() {
          private final Map<String, DeltaTable> handles = new ConcurrentHashMap<>();

          @Override
          public void create(String path) {
            DeltaTable.create(path, DeltaTable.defaultConfiguration(), TableSpec.of(SCHEMA));
          }

          @Override
          public void append(String path, List<Row> rows, int writer) {
            DeltaTable table =
                handles.computeIfAbsent(path + "#" + writer, k -> DeltaTable.forPath(path));
            Transaction txn = table.startTransaction();
            txn.write(rows.iterator());
            txn.commit(Operation.append());
          }

          @Override
          public long version(String path) {
            return DeltaTable.forPath(path).latestSnapshot().version();
          }
        };
    Appender theirs =
        new Appender() {
          @Override
          public void create(String path) {
            spark.createDataFrame(List.of(), sparkSchema).write().format("delta").save(path);
          }

          @Override
          public void append(String path, List<Row> rows, int writer) {
            List<org.apache.spark.sql.Row> r = new ArrayList<>(rows.size());
            rows.forEach(x -> r.add(RowFactory.create(x.toArray())));
            spark
                .createDataFrame(r, sparkSchema)
                .coalesce(1)
                .write()
                .format("delta")
                .mode("append")
                .save(path);
          }

          @Override
          public long version(String path) {
            return DeltaLog.forTable(spark, path).update(false, Option.empty()).version();
          }
        };
    for (int writers : List.of(1, ctx.scale().writers())) {
      String variant = writers == 1 ? "1 writer" : writers + " concurrent writers";
      Path dir = ctx.work().resolve("commits-" + writers);
      AtomicInteger tables = new AtomicInteger();
      String[] current = new String[2];
      int total = commits * writers;
      ctx.harness()
          .compare(
              String.format(Locale.ROOT, "%d blind appends of %d rows", total, ROWS),
              "new table",
              variant,
              cmp ->
                  String.format(
                      Locale.ROOT,
                      "%s %.1f commits/s; %s %.1f commits/s",
                      cmp.ours().name(),
                      total / cmp.ours().median(),
                      cmp.peers().get(0).name(),
                      total / cmp.peers().get(0).median()),
              new Side(
                  Jdbc.NAME,
                  () -> create(ours, current, 0, dir, tables),
                  () -> appends(ours, current[0], commits, writers)),
              new Side(
                  SparkPeer.NAME,
                  () -> create(theirs, current, 1, dir, tables),
                  () -> appends(theirs, current[1], commits, writers)));
    }
  }

  private static Object create(
      Appender side, String[] current, int slot, Path dir, AtomicInteger tables) {
    current[slot] = dir.resolve("t" + tables.incrementAndGet()).toString();
    side.create(current[slot]);
    return null;
  }

  /**
   * {@code writers} threads each making {@code commits} appends; returns the table's version after.
   */
  private static long appends(Appender side, String path, int commits, int writers)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        futures.add(
            pool.submit(
                () -> {
                  for (int c = 0; c < commits; c++) {
                    List<Row> batch = new ArrayList<>(ROWS);
                    for (int i = 0; i < ROWS; i++) {
                      long id = ((long) writer * commits + c) * ROWS + i;
                      batch.add(Row.of(id, "name-" + id, id * 0.5));
                    }
                    side.append(path, batch, writer);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return side.version(path);
  }
}
