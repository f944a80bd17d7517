package io.deltajdbc.tools.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small bounded load on the local driver: 8 clients, at most 2,000 operations or 5 seconds, on a
 * table of 2,000 rows. Nothing fails but expected write conflicts, every answer is possible, the
 * counts add up, the percentiles are ordered, and every committed INSERT is in the table exactly
 * once afterwards. No time is asserted.
 */
class LoadWorkloadTest {
  @TempDir Path warehouse;

  @Test
  void boundedLocalRunCommitsEveryInsertOnce() throws Exception {
    LoadTable.create(warehouse, "load", 2_000, 7);
    Supplier<Connection> connections = JdbcConnections.to("jdbc:delta:" + warehouse, null, null);
    LoadMix mix = LoadMix.interactive("load");
    LoadResult r =
        LoadWorkload.run(
            LoadRun.builder(connections, mix)
                .clients(8)
                .duration(Duration.ofSeconds(5))
                .maxOperations(2_000)
                .seed(11)
                .sampleHeap(true)
                .serverMemory(() -> 1234L)
                .build());

    assertTrue(
        r.errors().isEmpty(), () -> "unexpected errors " + r.errors() + " " + r.errorSamples());
    r.wrongAnswers().forEach((op, n) -> assertEquals(0L, n, "wrong answers of " + op));
    assertTrue(r.totalAttempts() <= 2_000, "attempts " + r.totalAttempts());
    assertTrue(r.totalOperations() > 0);
    long attempts = 0;
    for (Operation op : Operation.values()) {
      Latency l = r.latencies().get(op);
      assertEquals(r.operations().get(op), l.count(), op + " latencies");
      assertTrue(l.p50() <= l.p95() && l.p95() <= l.p99() && l.p99() <= l.max(), op + " " + l);
      assertTrue(l.count() == 0 || l.p50() > 0, op + " " + l);
      attempts += r.operations().get(op) + r.conflicts(op) + r.errors(op);
      assertTrue(r.operations().get(op) > 0, "no " + op + " in " + r.operations());
    }
    assertEquals(r.totalAttempts(), attempts);
    assertEquals(r.operations().get(Operation.INSERT), r.committedIds().size());
    assertEquals(
        r.conflicts(Operation.INSERT) + r.errors(Operation.INSERT), r.failedInsertIds().size());
    assertEquals(0, r.conflicts(Operation.POINT_QUERY) + r.conflicts(Operation.AGGREGATE));
    assertEquals(2_000, r.firstInsertId());
    assertTrue(r.committedIds().first() >= r.firstInsertId());
    assertTrue(r.queriesPerSecond() > 0);
    assertTrue(r.maxHeapBytes().isPresent());
    assertEquals(1234L, r.maxServerMemoryBytes().getAsLong());

    try (Connection c = DriverManager.getConnection("jdbc:delta:" + warehouse)) {
      Verification v = r.verify(c);
      assertTrue(v.ok(), v::toString);
      assertEquals(r.committedIds().size(), v.committed());
    }
    String md = new LoadReport().add("local", r, null).render();
    assertTrue(md.contains("| local | insert |"), md);
  }

  @Test
  void aMissingTableFailsTheRunBeforeItStarts() {
    LoadRun run =
        LoadRun.builder(
                JdbcConnections.to("jdbc:delta:" + warehouse, null, null),
                LoadMix.interactive("absent"))
            .clients(2)
            .maxOperations(10)
            .build();
    SQLException e = assertThrows(SQLException.class, () -> LoadWorkload.run(run));
    assertEquals("42S02", e.getSQLState(), e::toString);
    assertThrows(IllegalArgumentException.class, () -> new LoadMix("t", 0, 0, 0));
  }

  @Test
  void conflictsAreRecognizedByStateOrDeltaMessage() {
    assertTrue(LoadError.isConflict(new SQLTransactionRollbackException("x", "40001")));
    assertTrue(LoadError.isConflict(new SQLException("lost", "40000")));
    assertTrue(
        LoadError.isConflict(
            new SQLException(
                "Error -1 (00000) : io.deltajdbc.engine.txn.ConcurrentAppendException: Files were"
                    + " added",
                "HY000")));
    assertFalse(LoadError.isConflict(new SQLException("syntax", "42000")));
    assertFalse(
        LoadError.isConflict(
            new SQLException("bug", "HY000", new ConcurrentModificationException())));
  }

  @Test
  void percentilesAreNearestRank() {
    long[] samples = new long[100];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = 100 - i;
    }
    Latency l = Latency.of(samples);
    assertEquals(new Latency(100, 50, 95, 99, 100), l);
    assertEquals(Latency.NONE, Latency.of(new long[0]));
    assertEquals(new Latency(1, 7, 7, 7, 7), Latency.of(new long[] {7}));
  }
}
