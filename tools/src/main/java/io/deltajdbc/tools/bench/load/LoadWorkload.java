package io.deltajdbc.tools.bench.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link LoadRun}: connects every client and prepares its statements, starts them together,
 * lets each pick operations from the mix with its own random stream until the duration is over or
 * the operations are used up, and merges what the clients recorded into a {@link LoadResult}.
 *
 * <p>Before the clients start, one query reads the table's row count and largest id: INSERTs take
 * fresh ids above it (so runs may follow one another on one table), and point queries look up ids
 * up to it.
 */
public final class LoadWorkload {
  private LoadWorkload() {}

  /**
   * Runs the load and returns what it did. Failures of the operations are counted, not thrown; a
   * client that cannot connect or prepare fails the run before it starts.
   *
   * @throws SQLException when the table cannot be read or a statement prepared before the run
   * @throws IllegalStateException when a client cannot connect or dies of a JVM error
   */
  public static LoadResult run(LoadRun run) throws SQLException, InterruptedException {
    LoadMix mix = run.mix();
    List<Connection> connections = new ArrayList<>();
    List<LoadClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < run.clients(); i++) {
        connections.add(connect(run, i));
      }
      long[] countAndMax = countAndMaxId(connections.get(0), mix);
      long firstInsertId = countAndMax[1] + 1;
      long denseKeys = countAndMax[0] == firstInsertId ? firstInsertId : 0;
      AtomicLong nextId = new AtomicLong(firstInsertId);
      AtomicLong budget = new AtomicLong(run.maxOperations().orElse(Long.MAX_VALUE));
      SplittableRandom seeds = new SplittableRandom(run.seed());
      for (Connection c : connections) {
        clients.add(
            new LoadClient(
                c, mix, seeds.split(), nextId, budget, Math.max(1, firstInsertId), denseKeys));
      }
      return drive(run, clients, firstInsertId);
    } finally {
      for (LoadClient c : clients) {
        c.closeStatements();
      }
      for (Connection c : connections) {
        try {
          c.close();
        } catch (SQLException | RuntimeException e) {
          // the run is over; a connection that fails to close changes none of its figures
        }
      }
    }
  }

  private static Connection connect(LoadRun run, int client) {
    try {
      Connection c = run.connections().get();
      if (c == null) {
        throw new IllegalStateException("the connection supplier returned null");
      }
      return c;
    } catch (RuntimeException e) {
      throw new IllegalStateException("client " + client + " could not connect: " + e, e);
    }
  }

  private static long[] countAndMaxId(Connection c, LoadMix mix) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(id) FROM " + mix.quoted())) {
      rs.next();
      long count = rs.getLong(1);
      long max = rs.getLong(2);
      return new long[] {count, rs.wasNull() ? -1 : max};
    }
  }

  private static LoadResult drive(LoadRun run, List<LoadClient> clients, long firstInsertId)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> died = new AtomicReference<>();
    long[] deadline = new long[1];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      LoadClient client = clients.get(i);
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  client.runUntil(deadline[0]);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (Throwable e) {
                  died.compareAndSet(null, e);
                }
              },
              "load-client-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    long elapsed;
    MemorySampler memory;
    try (MemorySampler m = new MemorySampler(run.sampleHeap(), run.serverMemory().orElse(null))) {
      memory = m;
      long begin = System.nanoTime();
      deadline[0] = run.duration().map(d -> begin + d.toNanos()).orElse(Long.MAX_VALUE);
      start.countDown(); // publishes deadline[0] to the clients (happens-before of the latch)
      for (Thread t : threads) {
        t.join();
      }
      elapsed = System.nanoTime() - begin;
    }
    if (died.get() != null) {
      throw new IllegalStateException("a load client died: " + died.get(), died.get());
    }
    return merge(run, clients, firstInsertId, elapsed, memory);
  }

  private static LoadResult merge(
      LoadRun run,
      List<LoadClient> clients,
      long firstInsertId,
      long elapsed,
      MemorySampler memory) {
    Map<Operation, Long> operations = new EnumMap<>(Operation.class);
    Map<Operation, Latency> latencies = new EnumMap<>(Operation.class);
    Map<Operation, Long> wrong = new EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      int n = 0;
      for (LoadClient c : clients) {
        n += c.latencies(op).size();
      }
      long[] all = new long[n];
      int at = 0;
      for (LoadClient c : clients) {
        at = c.latencies(op).copyTo(all, at);
        wrong.merge(op, c.wrongAnswers(op), Long::sum);
      }
      operations.put(op, (long) n);
      latencies.put(op, Latency.of(all));
    }
    Map<LoadError, Long> conflicts = new HashMap<>();
    Map<LoadError, Long> errors = new HashMap<>();
    Map<LoadError, String> samples = new HashMap<>();
    TreeSet<Long> committed = new TreeSet<>();
    TreeSet<Long> failed = new TreeSet<>();
    for (LoadClient c : clients) {
      c.conflicts().forEach((k, v) -> conflicts.merge(k, v, Long::sum));
      c.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
      c.samples().forEach(samples::putIfAbsent);
      committed.addAll(c.committed());
      failed.addAll(c.failed());
    }
    return new LoadResult(
        run.mix(),
        clients.size(),
        elapsed,
        operations,
        latencies,
        wrong,
        conflicts,
        errors,
        samples,
        firstInsertId,
        committed,
        failed,
        memory.maxHeap(),
        memory.maxServer());
  }
}
