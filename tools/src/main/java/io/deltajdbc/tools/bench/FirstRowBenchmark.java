package io.deltajdbc.tools.bench;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interactive latency through the driver on a table of 1,000 files (100 commits into 10 partitions,
 * checkpointed every 10): the time from {@code DriverManager.getConnection} to the first row of
 * {@code SELECT * FROM t LIMIT 10}, for the first connection of the JVM and warm, and the files a
 * selective query reads.
 */
public final class FirstRowBenchmark {
  private static final StructType SCHEMA =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, false),
          new StructField("payload", PrimitiveType.STRING, true),
          new StructField("bucket", PrimitiveType.INTEGER, true));

  private FirstRowBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Files.createTempDirectory("first-row-bench");
    DeltaTable t =
        DeltaTable.create(
            root.resolve("t").toString(),
            DeltaTable.defaultConfiguration(),
            TableSpec.of(SCHEMA, "bucket"));
    long id = 0;
    for (int c = 0; c < 100; c++) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 1000; i++, id++) {
        rows.add(Row.of(id, "payload-" + id, (int) (i % 10)));
      }
      Transaction txn = t.startTransaction();
      txn.write(rows.iterator());
      txn.commit(Operation.append());
    }
    String url = "jdbc:delta:" + root;
    double cold = firstRowMillis(url);
    double[] warm = new double[9];
    for (int i = 0; i < warm.length; i++) {
      warm[i] = firstRowMillis(url);
    }
    Arrays.sort(warm);
    String plan;
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("EXPLAIN PLAN FOR SELECT * FROM t WHERE bucket = 3 AND id = 54323")) {
      rs.next();
      plan = rs.getString(1);
    }
    System.out.println();
    System.out.printf("Table of %d files, %d rows%n", t.latestSnapshot().files().size(), id);
    System.out.printf(
        "getConnection -> first row of SELECT * FROM t LIMIT 10: first in JVM %.0f ms, warm median %.1f ms"
            + " (min %.1f, max %.1f)%n",
        cold, warm[warm.length / 2], warm[0], warm[warm.length - 1]);
    System.out.println("Selective query SELECT * FROM t WHERE bucket = 3 AND id = 54323:");
    System.out.println(plan.trim());
  }

  private static double firstRowMillis(String url) throws Exception {
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM t LIMIT 10")) {
      if (!rs.next()) {
        throw new IllegalStateException("no rows");
      }
      return (System.nanoTime() - start) / 1e6;
    }
  }
}
