package io.deltajdbc.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A full scan through JDBC read by a slow client, in whatever heap the JVM was given ({@code
 * tools/bin/delta-bench slow-client} gives it 1 GiB): every column of every row is read with {@code
 * getObject}, and the client sleeps 1 ms after each 1,000 rows, far slower than the scan produces
 * them. The driver must stream (bounded queues between the split workers and the client), so the
 * heap in use stays flat however large the table. Prints the rows, the sum of the first column, the
 * time, the heap's limit and the most of it seen in use (sampled every 50 ms), and exits 1 on any
 * error, an {@link OutOfMemoryError} included.
 */
public final class SlowClientCheck {
  private SlowClientCheck() {}

  /** Arguments: the warehouse directory, the table, and optionally rows between sleeps (1,000). */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: delta-bench slow-client WAREHOUSE TABLE [ROWS_PER_MS]");
      System.exit(2);
    }
    long rowsPerSleep = args.length > 2 ? Long.parseLong(args[2]) : 1_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    try {
      Result r = read(args[0], args[1], rowsPerSleep);
      sampler.interrupt();
      System.out.printf(
          "slow client: %,d rows of %d columns, first column summing to %d, in %.1f s;"
              + " heap limit %d MiB, at most %d MiB in use%n",
          r.rows(),
          r.columns(),
          r.sum(),
          (System.nanoTime() - start) / 1e9,
          memory.getHeapMemoryUsage().getMax() >> 20,
          peak.get() >> 20);
    } catch (SQLException | OutOfMemoryError e) {
      System.out.println(
          "slow client failed after " + (System.nanoTime() - start) / 1_000_000_000 + " s: " + e);
      System.exit(1);
    }
  }

  private record Result(long rows, int columns, long sum) {}

  private static Result read(String warehouse, String table, long rowsPerSleep)
      throws SQLException, InterruptedException {
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + warehouse);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      long rows = 0;
      long sum = 0;
      while (rs.next()) {
        sum += rs.getLong(1);
        for (int i = 2; i <= n; i++) {
          rs.getObject(i);
        }
        if (++rows % rowsPerSleep == 0) {
          Thread.sleep(1);
        }
      }
      return new Result(rows, n, sum);
    }
  }
}
