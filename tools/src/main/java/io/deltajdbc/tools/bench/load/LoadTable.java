package io.deltajdbc.tools.bench.load;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * The load's table, {@code (id BIGINT, k INT, grp STRING, amount DOUBLE)}: ids {@code 0 .. rows-1},
 * {@code k} uniform in {@code [0, 1000)}, {@code grp} one of 16 groups, {@code amount} in {@code
 * [0, 1000)} with two decimals, from a seed. Written through JDBC ({@code DROP TABLE IF EXISTS},
 * {@code CREATE TABLE}, then {@code executeBatch} INSERTs of {@link #BATCH_ROWS} rows, one commit
 * each), so it can be built through the local driver or through a server; 10,000 rows take a few
 * seconds.
 */
public final class LoadTable {
  /** Rows per {@code executeBatch}, each one commit (one data file). */
  public static final int BATCH_ROWS = 2_500;

  /** Distinct values of {@code k}; the aggregate's ranges lie in {@code [0, K_VALUES)}. */
  public static final int K_VALUES = 1_000;

  /** Distinct values of {@code grp}. */
  public static final int GROUPS = 16;

  private LoadTable() {}

  /** Writes the table {@code table} of {@code rows} rows in the warehouse, through the driver. */
  public static void create(Path warehouse, String table, int rows, long seed) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + warehouse)) {
      create(c, table, rows, seed);
    }
  }

  /** Writes the table {@code table} of {@code rows} rows through {@code c}, replacing it. */
  public static void create(Connection c, String table, int rows, long seed) throws SQLException {
    requireNonNull(c, "c");
    LoadMix names = LoadMix.interactive(table);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DROP TABLE IF EXISTS " + names.quoted());
      s.executeUpdate(
          "CREATE TABLE " + names.quoted() + " (id BIGINT, k INT, grp STRING, amount DOUBLE)");
    }
    SplittableRandom random = new SplittableRandom(seed);
    try (PreparedStatement ps = c.prepareStatement(names.sql(Operation.INSERT))) {
      for (int id = 0; id < rows; id++) {
        bind(ps, id, random);
        ps.addBatch();
        if ((id + 1) % BATCH_ROWS == 0 || id == rows - 1) {
          ps.executeBatch();
        }
      }
    }
  }

  /** Binds a row of id {@code id} to an INSERT's four parameters. */
  static void bind(PreparedStatement ps, long id, SplittableRandom random) throws SQLException {
    ps.setLong(1, id);
    ps.setInt(2, random.nextInt(K_VALUES));
    ps.setString(3, "g" + random.nextInt(GROUPS));
    ps.setDouble(4, random.nextInt(100_000) / 100.0);
  }
}
