package io.deltajdbc.tools.bench.load;

import static java.util.Objects.requireNonNull;

/**
 * What the clients run: the shares of each {@link Operation} (weights, any positive total) and the
 * table they run on, a table of {@link LoadTable}'s columns {@code (id BIGINT, k INT, grp STRING,
 * amount DOUBLE)}.
 *
 * @param table the table's name in the connection's default schema
 * @param pointQueries the share of point queries by id
 * @param aggregates the share of GROUP BY aggregates over a range of {@code k}
 * @param inserts the share of single-row INSERTs
 */
public record LoadMix(String table, int pointQueries, int aggregates, int inserts) {
  public LoadMix {
    requireNonNull(table, "table");
    if (pointQueries < 0 || aggregates < 0 || inserts < 0) {
      throw new IllegalArgumentException("shares must not be negative");
    }
    if (pointQueries + aggregates + inserts == 0) {
      throw new IllegalArgumentException("at least one share must be positive");
    }
  }

  /** An interactive service's mix: 70% point queries, 20% aggregates, 10% INSERTs. */
  public static LoadMix interactive(String table) {
    return new LoadMix(table, 70, 20, 10);
  }

  /** The sum of the shares. */
  public int total() {
    return pointQueries + aggregates + inserts;
  }

  /** The share of {@code op}. */
  public int share(Operation op) {
    return switch (op) {
      case POINT_QUERY -> pointQueries;
      case AGGREGATE -> aggregates;
      case INSERT -> inserts;
    };
  }

  /** The operation for a roll in {@code [0, total())}. */
  Operation pick(int roll) {
    if (roll < pointQueries) {
      return Operation.POINT_QUERY;
    }
    return roll < pointQueries + aggregates ? Operation.AGGREGATE : Operation.INSERT;
  }

  /** The statement each client prepares once for {@code op}. */
  String sql(Operation op) {
    String t = quoted();
    return switch (op) {
      case POINT_QUERY -> "SELECT id, k, grp, amount FROM " + t + " WHERE id = ?";
      case AGGREGATE ->
          "SELECT grp, COUNT(*), SUM(amount) FROM " + t + " WHERE k BETWEEN ? AND ? GROUP BY grp";
      case INSERT -> "INSERT INTO " + t + " (id, k, grp, amount) VALUES (?, ?, ?, ?)";
    };
  }

  /** The table as a quoted identifier. */
  String quoted() {
    return "\"" + table.replace("\"", "\"\"") + "\"";
  }
}
