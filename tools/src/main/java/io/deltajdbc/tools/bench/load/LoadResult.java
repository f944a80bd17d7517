package io.deltajdbc.tools.bench.load;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a run did, immutable. Each attempted operation is counted once: as done ({@link
 * #operations}, with its latency), as an expected write conflict ({@link #conflicts}) or as an
 * error ({@link #errors}); {@link #wrongAnswers} are done operations whose answer was impossible (a
 * point query of more than one row, or of none for a key of the dense id range that existed before
 * the run; an INSERT that did not report one row).
 *
 * @param mix what ran
 * @param clients concurrent clients
 * @param elapsedNanos from the start signal to the last client's end
 * @param operations done operations per kind
 * @param latencies percentiles of the done operations per kind
 * @param wrongAnswers done operations per kind with an impossible answer
 * @param conflicts expected conflicts of concurrent INSERTs, by kind
 * @param errors every other failure, by kind
 * @param errorSamples the first message of each kind of conflict and error
 * @param firstInsertId the id of the run's first INSERT; every INSERT's id is at least this
 * @param committedIds the ids of INSERTs whose {@code executeUpdate} returned normally
 * @param failedInsertIds the ids of INSERTs that failed (conflicts and errors)
 * @param maxHeapBytes the most heap seen in use in this JVM, when sampled
 * @param maxServerMemoryBytes the most server memory seen, when sampled
 */
public record LoadResult(
    LoadMix mix,
    int clients,
    long elapsedNanos,
    Map<Operation, Long> operations,
    Map<Operation, Latency> latencies,
    Map<Operation, Long> wrongAnswers,
    Map<LoadError, Long> conflicts,
    Map<LoadError, Long> errors,
    Map<LoadError, String> errorSamples,
    long firstInsertId,
    SortedSet<Long> committedIds,
    SortedSet<Long> failedInsertIds,
    OptionalLong maxHeapBytes,
    OptionalLong maxServerMemoryBytes) {

  public LoadResult {
    requireNonNull(mix, "mix");
    operations = perOperation(operations, 0L);
    latencies = perOperation(latencies, Latency.NONE);
    wrongAnswers = perOperation(wrongAnswers, 0L);
    conflicts = Map.copyOf(conflicts);
    errors = Map.copyOf(errors);
    errorSamples = Map.copyOf(errorSamples);
    committedIds = Collections.unmodifiableSortedSet(new TreeSet<>(committedIds));
    failedInsertIds = Collections.unmodifiableSortedSet(new TreeSet<>(failedInsertIds));
    requireNonNull(maxHeapBytes, "maxHeapBytes");
    requireNonNull(maxServerMemoryBytes, "maxServerMemoryBytes");
  }

  private static <V> Map<Operation, V> perOperation(Map<Operation, V> m, V absent) {
    EnumMap<Operation, V> all = new EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      all.put(op, m.getOrDefault(op, absent));
    }
    return Collections.unmodifiableMap(all);
  }

  /** Done operations of every kind. */
  public long totalOperations() {
    return operations.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Attempted operations of one kind: done, conflicts and errors. */
  public long attempts(Operation op) {
    return operations.get(op) + conflicts(op) + errors(op);
  }

  /** Attempted operations of every kind. */
  public long totalAttempts() {
    long n = 0;
    for (Operation op : Operation.values()) {
      n += attempts(op);
    }
    return n;
  }

  /** Expected conflicts of one kind. */
  public long conflicts(Operation op) {
    return sum(conflicts, op);
  }

  /** Unexpected errors of one kind. */
  public long errors(Operation op) {
    return sum(errors, op);
  }

  /** Unexpected errors of every kind. */
  public long totalErrors() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  private static long sum(Map<LoadError, Long> m, Operation op) {
    return m.entrySet().stream()
        .filter(e -> e.getKey().operation() == op)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Done operations per second, every kind together. */
  public double queriesPerSecond() {
    return elapsedNanos == 0 ? 0 : totalOperations() * 1e9 / elapsedNanos;
  }

  /** Done operations of one kind per second. */
  public double queriesPerSecond(Operation op) {
    return elapsedNanos == 0 ? 0 : operations.get(op) * 1e9 / elapsedNanos;
  }

  /**
   * Reads the ids the run may have inserted ({@code id >= firstInsertId}) back through {@code c}
   * and compares them with {@link #committedIds} and {@link #failedInsertIds}. Run it after the
   * run, with no other writer on the table.
   */
  public Verification verify(Connection c) throws SQLException {
    Map<Long, Integer> present = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM " + mix.quoted() + " WHERE id >= ?")) {
      ps.setLong(1, firstInsertId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          present.merge(rs.getLong(1), 1, Integer::sum);
        }
      }
    }
    TreeSet<Long> missing = new TreeSet<>();
    for (long id : committedIds) {
      if (!present.containsKey(id)) {
        missing.add(id);
      }
    }
    TreeSet<Long> duplicated = new TreeSet<>();
    present.forEach(
        (id, n) -> {
          if (n > 1) {
            duplicated.add(id);
          }
        });
    TreeSet<Long> failedButPresent = new TreeSet<>();
    for (long id : failedInsertIds) {
      if (present.containsKey(id)) {
        failedButPresent.add(id);
      }
    }
    return new Verification(committedIds.size(), missing, duplicated, failedButPresent);
  }
}
