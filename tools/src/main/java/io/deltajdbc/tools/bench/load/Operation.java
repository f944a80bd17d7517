package io.deltajdbc.tools.bench.load;

/** The kinds of statement a client of the load runs. */
public enum Operation {
  /** {@code SELECT ... WHERE id = ?}: one row by its key. */
  POINT_QUERY("point query"),
  /** {@code SELECT grp, COUNT(*), SUM(amount) ... WHERE k BETWEEN ? AND ? GROUP BY grp}. */
  AGGREGATE("aggregate"),
  /** {@code INSERT INTO ... VALUES (?, ?, ?, ?)} of a row with a fresh, unique id: one commit. */
  INSERT("insert");

  private final String label;

  Operation(String label) {
    this.label = label;
  }

  /** How a report names it. */
  public String label() {
    return label;
  }
}
