package io.deltajdbc.tools.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client of the load, on one thread: its connection, its three statements prepared once, its
 * random stream, and what it records (latencies per kind, conflicts and errors, the ids of its
 * INSERTs). Read by {@link LoadWorkload} only after the thread has ended.
 */
final class LoadClient {
  /** A statement still running after this long is cancelled by the driver (an error, counted). */
  private static final int QUERY_TIMEOUT_SECONDS = 120;

  /** The width of the aggregate's range of {@code k}: a tenth of the rows. */
  private static final int K_RANGE = LoadTable.K_VALUES / 10;

  private final LoadMix mix;
  private final SplittableRandom random;
  private final AtomicLong nextId;
  private final AtomicLong budget;
  private final long keys;
  private final long denseKeys;
  private final Map<Operation, PreparedStatement> statements = new EnumMap<>(Operation.class);
  private final Map<Operation, LongList> latencies = new EnumMap<>(Operation.class);
  private final Map<Operation, Long> wrongAnswers = new EnumMap<>(Operation.class);
  private final Map<LoadError, Long> conflicts = new HashMap<>();
  private final Map<LoadError, Long> errors = new HashMap<>();
  private final Map<LoadError, String> samples = new HashMap<>();
  private final List<Long> committed = new ArrayList<>();
  private final List<Long> failed = new ArrayList<>();

  /**
   * @param keys point queries look up ids in {@code [0, keys)}
   * @param denseKeys ids in {@code [0, denseKeys)} all exist (one row each is the only answer)
   */
  LoadClient(
      Connection c,
      LoadMix mix,
      SplittableRandom random,
      AtomicLong nextId,
      AtomicLong budget,
      long keys,
      long denseKeys)
      throws SQLException {
    this.mix = mix;
    this.random = random;
    this.nextId = nextId;
    this.budget = budget;
    this.keys = keys;
    this.denseKeys = denseKeys;
    for (Operation op : Operation.values()) {
      latencies.put(op, new LongList());
      wrongAnswers.put(op, 0L);
      if (mix.share(op) > 0) {
        PreparedStatement ps = c.prepareStatement(mix.sql(op));
        statements.put(op, ps);
        try {
          ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        } catch (SQLException e) {
          // a driver without timeouts: a hung statement then hangs the run
        }
      }
    }
  }

  /** Runs operations until {@code deadline} ({@link System#nanoTime}) or the budget is spent. */
  void runUntil(long deadline) {
    int total = mix.total();
    while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
      Operation op = mix.pick(random.nextInt(total));
      long id = op == Operation.INSERT ? nextId.getAndIncrement() : -1;
      long start = System.nanoTime();
      try {
        boolean right =
            switch (op) {
              case POINT_QUERY -> pointQuery();
              case AGGREGATE -> aggregate();
              case INSERT -> insert(id);
            };
        latencies.get(op).add(System.nanoTime() - start);
        if (op == Operation.INSERT) {
          committed.add(id);
        }
        if (!right) {
          wrongAnswers.merge(op, 1L, Long::sum);
        }
      } catch (Exception e) {
        LoadError kind = LoadError.of(op, e);
        (LoadError.isConflict(e) ? conflicts : errors).merge(kind, 1L, Long::sum);
        samples.putIfAbsent(kind, String.valueOf(e.getMessage()));
        if (op == Operation.INSERT) {
          failed.add(id);
        }
      }
    }
  }

  private boolean pointQuery() throws SQLException {
    PreparedStatement ps = statements.get(Operation.POINT_QUERY);
    long key = random.nextLong(keys);
    ps.setLong(1, key);
    int rows = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rs.getLong(1);
        rs.getInt(2);
        rs.getString(3);
        rs.getDouble(4);
        rows++;
      }
    }
    return key < denseKeys ? rows == 1 : rows <= 1;
  }

  private boolean aggregate() throws SQLException {
    PreparedStatement ps = statements.get(Operation.AGGREGATE);
    int lo = random.nextInt(LoadTable.K_VALUES - K_RANGE + 1);
    ps.setInt(1, lo);
    ps.setInt(2, lo + K_RANGE - 1);
    int groups = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rs.getString(1);
        rs.getLong(2);
        rs.getDouble(3);
        groups++;
      }
    }
    return groups <= LoadTable.GROUPS;
  }

  private boolean insert(long id) throws SQLException {
    PreparedStatement ps = statements.get(Operation.INSERT);
    LoadTable.bind(ps, id, random);
    return ps.executeUpdate() == 1;
  }

  LongList latencies(Operation op) {
    return latencies.get(op);
  }

  long wrongAnswers(Operation op) {
    return wrongAnswers.get(op);
  }

  Map<LoadError, Long> conflicts() {
    return conflicts;
  }

  Map<LoadError, Long> errors() {
    return errors;
  }

  Map<LoadError, String> samples() {
    return samples;
  }

  List<Long> committed() {
    return committed;
  }

  List<Long> failed() {
    return failed;
  }

  void closeStatements() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException | RuntimeException e) {
        // closing the connection next releases it too
      }
    }
  }
}
