package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.changes.ChangeColumns;
import io.deltajdbc.engine.changes.ChangeRange;
import io.deltajdbc.engine.testing.Normalized;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same random DML (INSERT, UPDATE, DELETE, MERGE) on two copies of a table recording its change
 * data feed, one through our driver, one through delta-spark's SQL: after every statement both
 * tables hold the same rows at the same version, and over every version range the change feed of
 * each copy reads the same in delta-spark and in our engine (we read delta-spark's change data,
 * delta-spark reads ours), and the two copies' feeds hold the same changes (commit times aside).
 * Seeded ({@code -Ddeltajdbc.cdf.seed}, {@code -Ddeltajdbc.cdf.statements}, 10 by default); the
 * seed is in every failure message.
 */
class ChangeDataFeedEquivalenceTest {
  private static final int STATEMENTS = Integer.getInteger("deltajdbc.cdf.statements", 10);
  private static final String[] CONDITIONS = {
    "id % 3 = 0",
    "id % 4 = 1",
    "amount > 50",
    "amount < 20 OR name LIKE 'b%'",
    "region = 'north'",
    "region <> 'south' AND id > 5",
    "name IS NULL",
    "ts > TIMESTAMP '2024-01-01 10:00:00.000005'"
  };

  @TempDir Path dir;

  @BeforeAll
  static void oracleFirst() {
    SparkOracle.spark();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PARTITIONED BY (region)",
        "TBLPROPERTIES ('delta.enableDeletionVectors' = 'true', 'delta.columnMapping.mode' = 'name',"
            + " 'delta.enableChangeDataFeed' = 'true')"
      })
  void sameChangesAsDeltaSpark(String layout) throws Exception {
    long seed = Long.getLong("deltajdbc.cdf.seed", System.nanoTime());
    Random random = new Random(seed);
    String properties =
        layout.contains("TBLPROPERTIES")
            ? ""
            : " TBLPROPERTIES ('delta.enableChangeDataFeed' = 'true')";
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + dir);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE t (id BIGINT, name STRING, amount DECIMAL(10,2), region STRING,"
              + " ts TIMESTAMP) "
              + layout
              + properties);
      s.executeUpdate("INSERT INTO t VALUES " + rows(random, 1, 12));
      s.execute(
          "CREATE TABLE changes (id BIGINT, name STRING, amount DECIMAL(10,2), region STRING,"
              + " ts TIMESTAMP, op STRING)");
      Warehouse.copyTable(dir, "t", "t_spark");
      for (int i = 1; i <= STATEMENTS; i++) {
        String sql = statement(s, random, i);
        String context = "seed " + seed + ", statement " + i + ": " + sql;
        s.executeUpdate(sql.replace("{t}", "t").replace("{s}", "changes"));
        SparkOracle.spark()
            .sql(sql.replace("{t}", delta("t_spark")).replace("{s}", delta("changes")))
            .collectAsList();
        assertEquals(version("t_spark"), version("t"), context);
      }
    }
    // the rows after each statement are the feed's, compared below
    assertEquals(rows("t_spark"), rows("t"), "seed " + seed);
    long latest = version("t");
    StructType schema =
        ChangeColumns.schemaOf(
            DeltaTable.forPath(dir.resolve("t").toString()).latestSnapshot().schema());
    List<String> oursBySpark = sparks("t", schema);
    List<String> theirsBySpark = sparks("t_spark", schema);
    assertEquals(withoutTimes(theirsBySpark), withoutTimes(oursBySpark), "seed " + seed);
    assertEquals(true, oursBySpark.size() > 0, "seed " + seed + ": no changes");
    for (long from = 1; from <= latest; from++) {
      for (long to = from; to <= latest; to++) {
        String range = "seed " + seed + ", versions " + from + " to " + to;
        assertEquals(inVersions(oursBySpark, from, to), ours("t", from, to, schema), "t, " + range);
        assertEquals(
            inVersions(theirsBySpark, from, to),
            ours("t_spark", from, to, schema),
            "t_spark, " + range);
      }
    }
  }

  /**
   * A random statement over {@code {t}} (and {@code {s}}, the MERGE source, refilled here through
   * our driver).
   */
  private static String statement(Statement s, Random random, int i) throws SQLException {
    String where = CONDITIONS[random.nextInt(CONDITIONS.length)];
    return switch (random.nextInt(5)) {
      case 0 -> "INSERT INTO {t} VALUES " + rows(random, 100 + 10 * i, 3);
      case 1 -> "DELETE FROM {t} WHERE " + where;
      case 2, 3 ->
          "UPDATE {t} SET amount = amount + "
              + (1 + random.nextInt(9))
              + ", name = name || '"
              + i
              + "' WHERE "
              + where;
      default -> {
        s.executeUpdate("DELETE FROM changes");
        List<String> values = new ArrayList<>();
        java.util.Set<Long> ids = new java.util.HashSet<>(); // one source row per key
        for (int k = 0; k < 4; k++) {
          long id = random.nextInt(3) == 0 ? 200 + 10 * i + k : 1 + random.nextInt(12);
          if (!ids.add(id)) {
            continue;
          }
          values.add("(" + values(random, id) + ", '" + (random.nextBoolean() ? "u" : "d") + "')");
        }
        s.executeUpdate("INSERT INTO changes VALUES " + String.join(", ", values));
        yield "MERGE INTO {t} AS t USING {s} AS s ON t.id = s.id "
            + "WHEN MATCHED AND s.op = 'd' THEN DELETE "
            + "WHEN MATCHED THEN UPDATE SET name = s.name, amount = s.amount "
            + "WHEN NOT MATCHED THEN INSERT (id, name, amount, region, ts) "
            + "VALUES (s.id, s.name, s.amount, s.region, s.ts)";
      }
    };
  }

  private static String rows(Random random, long first, int n) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add("(" + values(random, first + k) + ")");
    }
    return String.join(", ", out);
  }

  /** The values of a random row of {@code t} (ids are unique keys of the MERGE). */
  private static String values(Random random, long id) {
    String[] names = {"'alpha'", "'beta'", "'bravo'", "NULL", "'gamma'"};
    String[] regions = {"'north'", "'south'", "'east'"};
    return id
        + ", "
        + names[random.nextInt(names.length)]
        + ", "
        + random.nextInt(10000) / 100.0
        + ", "
        + regions[random.nextInt(regions.length)]
        + ", TIMESTAMP '2024-01-01 10:00:00."
        + String.format("%06d", random.nextInt(10))
        + "'";
  }

  private String delta(String table) {
    return "delta.`" + dir.resolve(table) + "`";
  }

  private long version(String table) {
    return DeltaTable.forPath(dir.resolve(table).toString()).latestSnapshot().version();
  }

  private List<List<String>> rows(String table) {
    return SparkAnswers.sorted(
        SparkAnswers.spark(SparkOracle.spark(), "SELECT * FROM " + delta(table), 6));
  }

  /** Our engine's change rows of a table over a version range, normalized and sorted. */
  private List<String> ours(String table, long from, long to, StructType schema) {
    List<String> out = new ArrayList<>();
    DeltaTable.forPath(dir.resolve(table).toString())
        .changes(ChangeRange.versions(from, to))
        .toList()
        .forEach(r -> out.add(Normalized.row(r, schema)));
    out.sort(null);
    return out;
  }

  /** delta-spark's change feed of a table from version 1, normalized and sorted. */
  private List<String> sparks(String table, StructType schema) {
    List<String> out = new ArrayList<>();
    for (org.apache.spark.sql.Row r :
        SparkOracle.spark()
            .read()
            .format("delta")
            .option("readChangeFeed", "true")
            .option("startingVersion", 1)
            .load(dir.resolve(table).toString())
            .selectExpr(schema.fieldNames().stream().map(c -> "`" + c + "`").toArray(String[]::new))
            .collectAsList()) {
      out.add(Normalized.row(SparkOracle.toEngine(r, schema), schema));
    }
    out.sort(null);
    return out;
  }

  /** Change rows without their commit times: the two copies commit at different times. */
  private static List<String> withoutTimes(List<String> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.replaceAll("_commit_timestamp=[^,}]*", "")));
    out.sort(null);
    return out;
  }

  private static List<String> inVersions(List<String> rows, long from, long to) {
    List<String> out = new ArrayList<>();
    for (String r : rows) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("_commit_version=(\\d+)").matcher(r);
      m.find();
      long v = Long.parseLong(m.group(1));
      if (v >= from && v <= to) {
        out.add(r);
      }
    }
    return out;
  }
}
