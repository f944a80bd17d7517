package io.deltajdbc.engine.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change data feed read by {@link DeltaTable#changes} equals delta-spark's ({@code
 * readChangeFeed}) over every version range of tables delta-spark wrote with UPDATE, DELETE and
 * MERGE, with and without deletion vectors and partitions, and over time ranges; bad ranges fail on
 * both sides, ours with the error code.
 */
class ChangeFeedTest {
  private static final DateTimeFormatter SPARK_TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  @TempDir static Path shared;
  @TempDir Path dir;

  /** The partitioned table without deletion vectors, shared by the tests that only read it. */
  private static Path plain;

  @BeforeAll
  static void plainTable() {
    SparkOracle.spark().conf().set("spark.sql.sources.parallelPartitionDiscovery.parallelism", "1");
    plain = dmlTable(shared, "plain", false, true);
  }

  private static void sql(String sql) {
    SparkOracle.spark().sql(sql).collectAsList();
  }

  /** v0 create, v1 insert, v2 update, v3 delete, v4 merge (all four kinds), v5 insert. */
  private static Path dmlTable(
      Path dir, String name, boolean deletionVectors, boolean partitioned) {
    Path t = dir.resolve(name);
    String p = "delta.`" + t + "`";
    sql(
        "CREATE TABLE "
            + p
            + " (id INT, v STRING, part STRING) USING delta"
            + (partitioned ? " PARTITIONED BY (part)" : "")
            + " TBLPROPERTIES ('delta.enableChangeDataFeed' = 'true', "
            + "'delta.enableDeletionVectors' = '"
            + deletionVectors
            + "')");
    sql("INSERT INTO " + p + " VALUES (1, 'a', 'x'), (2, 'b', 'x'), (3, 'c', 'y'), (4, 'd', 'y')");
    sql("UPDATE " + p + " SET v = concat(v, '!') WHERE id IN (1, 3)");
    sql("DELETE FROM " + p + " WHERE id = 2");
    sql(
        "MERGE INTO "
            + p
            + " t USING (SELECT * FROM VALUES (1, 'del', 'x'), (3, 'upd', 'y'), (7, 'new', 'x')"
            + " AS s(id, v, part)) s ON t.id = s.id"
            + " WHEN MATCHED AND s.v = 'del' THEN DELETE"
            + " WHEN MATCHED THEN UPDATE SET v = s.v"
            + " WHEN NOT MATCHED THEN INSERT *");
    sql("INSERT INTO " + p + " VALUES (8, 'h', 'y')");
    return t;
  }

  private static List<String> ours(Path table, ChangeRange range) {
    List<String> out = new ArrayList<>();
    for (Row r : DeltaTable.forPath(table.toString()).changes(range).toList()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  private static List<String> sparks(Path table, ChangeRange range, List<String> columns) {
    DataFrameReader reader =
        SparkOracle.spark().read().format("delta").option("readChangeFeed", "true");
    reader = bound(reader, range.start(), "starting");
    if (range.end() != null) {
      reader = bound(reader, range.end(), "ending");
    }
    var schema =
        ChangeColumns.schemaOf(DeltaTable.forPath(table.toString()).latestSnapshot().schema());
    List<String> out = new ArrayList<>();
    for (org.apache.spark.sql.Row r :
        reader
            .load(table.toString())
            .selectExpr(columns.stream().map(c -> "`" + c + "`").toArray(String[]::new))
            .collectAsList()) {
      out.add(SparkOracle.toEngine(r, schema).toString());
    }
    out.sort(null);
    return out;
  }

  private static DataFrameReader bound(DataFrameReader reader, ChangeBound b, String side) {
    if (b instanceof ChangeBound.Version v) {
      return reader.option(side + "Version", v.version());
    }
    return reader.option(
        side + "Timestamp", SPARK_TS.format(((ChangeBound.Timestamp) b).timestamp()));
  }

  private static long latest(Path table) {
    return DeltaTable.forPath(table.toString()).latestSnapshot().version();
  }

  /**
   * Every range [s, e] of the table's versions, and every open range [s, latest], against
   * delta-spark's whole feed filtered to the range's versions (a range's rows do not depend on the
   * range), and a few ranges read by delta-spark itself.
   */
  private static void assertEveryRangeAsDeltaSpark(Path table) {
    long latest = latest(table);
    List<String> columns =
        ChangeColumns.schemaOf(DeltaTable.forPath(table.toString()).latestSnapshot().schema())
            .fieldNames();
    long first = earliestRecordedVersion(table);
    List<String> all = sparks(table, ChangeRange.fromVersion(first), columns);
    assertTrue(!all.isEmpty(), "no change rows in " + table);
    for (long s = first; s <= latest; s++) {
      assertEquals(
          inVersions(all, columns, s, latest),
          ours(table, ChangeRange.fromVersion(s)),
          table + " from " + s);
      for (long e = s; e <= latest + 1; e++) {
        assertEquals(
            inVersions(all, columns, s, e),
            ours(table, ChangeRange.versions(s, e)),
            table + " " + s + ".." + e);
      }
    }
    ChangeRange middle = ChangeRange.versions((first + latest) / 2, latest);
    assertEquals(sparks(table, middle, columns), ours(table, middle), table + " " + middle);
  }

  /** The first version of the table's newest run of versions that all record change data. */
  private static long earliestRecordedVersion(Path table) {
    long latest = latest(table);
    long v = latest;
    while (v > 0) {
      try {
        DeltaTable.forPath(table.toString()).changes(ChangeRange.versions(v - 1, v - 1));
        v--;
      } catch (DeltaException e) {
        break;
      }
    }
    return v;
  }

  private static List<String> inVersions(List<String> rows, List<String> columns, long s, long e) {
    // a row's text ends with ", <version>, <timestamp>]"
    List<String> out = new ArrayList<>();
    for (String r : rows) {
      String[] parts = r.substring(1, r.length() - 1).split(", ");
      long v = Long.parseLong(parts[parts.length - 2]);
      if (v >= s && v <= e) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void dmlWithoutDeletionVectorsPartitioned() {
    assertEveryRangeAsDeltaSpark(plain);
  }

  @Test
  void dmlWithDeletionVectorsPartitioned() {
    assertEveryRangeAsDeltaSpark(dmlTable(dir, "dvpart", true, true));
  }

  /** The shared CDF tables of other writers (delta-rs, kernel-rs fixtures), on copies. */
  @Test
  void sharedTestTables() throws IOException {
    for (String name :
        List.of(
            "kernelrs/cdf-table",
            "kernelrs/cdf-table-update-ops",
            "kernelrs/cdf-table-with-dv",
            "kernelrs/cdf-column-mapping-name-mode",
            "deltars/cdf-table-with-cdc-and-dvs")) {
      assertEveryRangeAsDeltaSpark(copy(TestData.root().resolve(name), name.replace('/', '-')));
    }
  }

  /** Time ranges: at each commit's time, a millisecond after it, and between two commits. */
  @Test
  void timestampRangesAsDeltaSpark() {
    Path t = plain;
    List<String> columns =
        DeltaTable.forPath(t.toString()).changes(ChangeRange.fromVersion(0)).schema().fieldNames();
    List<Instant> commitTimes = new ArrayList<>();
    for (var h : DeltaTable.forPath(t.toString()).history()) {
      commitTimes.add(0, h.timestamp());
    }
    List<Instant> points = new ArrayList<>();
    points.add(commitTimes.get(0).minusSeconds(60));
    for (Instant c : commitTimes) {
      points.add(c);
      points.add(c.plusMillis(1));
    }
    for (int i = 0; i < points.size(); i++) {
      Instant s = points.get(i);
      if (i % 4 == 0) {
        assertSameOutcome(t, ChangeRange.fromTimestamp(s), columns);
      }
      if (i % 2 == 0 && i + 1 < points.size()) {
        assertSameOutcome(t, ChangeRange.timestamps(s, points.get(i + 1)), columns);
      }
    }
    assertSameOutcome(t, ChangeRange.timestamps(points.get(0), points.get(6)), columns);
    // two times between the same two commits: nothing, and no error
    assertSameOutcome(t, ChangeRange.timestamps(points.get(2), points.get(2)), columns);
    assertEquals(List.of(), ours(t, ChangeRange.timestamps(points.get(2), points.get(2))));
    assertSameOutcome(t, ChangeRange.fromTimestamp(points.get(3)).toVersion(4), columns);
  }

  private static void assertSameOutcome(Path t, ChangeRange range, List<String> columns) {
    List<String> expected;
    try {
      expected = sparks(t, range, columns);
    } catch (Exception sparkFailed) {
      DeltaException e = assertThrows(DeltaException.class, () -> ours(t, range), range::toString);
      assertTrue(
          e.code() == ErrorCode.TIMESTAMP_OUT_OF_RANGE
              || e.code() == ErrorCode.INVALID_CHANGE_RANGE
              || e.code() == ErrorCode.VERSION_OUT_OF_RANGE,
          e.code() + ": " + e.getMessage());
      return;
    }
    assertEquals(expected, ours(t, range), range.toString());
  }

  @Test
  void badRanges() {
    Path t = dir.resolve("bad");
    String p = "delta.`" + t + "`";
    sql("CREATE TABLE " + p + " (id INT) USING delta"); // v0: no change data feed
    sql("INSERT INTO " + p + " VALUES (1)"); // v1
    sql("ALTER TABLE " + p + " SET TBLPROPERTIES ('delta.enableChangeDataFeed' = 'true')"); // v2
    sql("UPDATE " + p + " SET id = 2"); // v3
    sql("ALTER TABLE " + p + " SET TBLPROPERTIES ('delta.enableChangeDataFeed' = 'false')"); // v4
    sql("INSERT INTO " + p + " VALUES (5)"); // v5
    List<String> columns =
        DeltaTable.forPath(t.toString())
            .changes(ChangeRange.fromVersion(2).toVersion(3))
            .schema()
            .fieldNames();
    assertEquals(
        sparks(t, ChangeRange.versions(2, 3), columns), ours(t, ChangeRange.versions(2, 3)));
    assertEquals(2, ours(t, ChangeRange.versions(2, 3)).size()); // a pre- and a post-image
    var history = DeltaTable.forPath(t.toString()).history(); // newest first
    Instant first = history.get(5).timestamp();

    assertRefused(t, ChangeRange.versions(0, 3), ErrorCode.CHANGE_DATA_NOT_RECORDED, "version 0");
    assertRefused(t, ChangeRange.fromVersion(2), ErrorCode.CHANGE_DATA_NOT_RECORDED, "version 4");
    assertRefused(t, ChangeRange.versions(3, 4), ErrorCode.CHANGE_DATA_NOT_RECORDED, "version 4");
    assertRefused(t, ChangeRange.fromVersion(6), ErrorCode.VERSION_OUT_OF_RANGE, "version 6");
    assertRefused(t, ChangeRange.versions(3, 2), ErrorCode.INVALID_CHANGE_RANGE, "version 3");
    assertRefused(
        t,
        ChangeRange.fromTimestamp(Instant.now().plusSeconds(3600)),
        ErrorCode.TIMESTAMP_OUT_OF_RANGE,
        "after the latest commit");
    assertRefused(
        t,
        ChangeRange.fromVersion(2).toTimestamp(first.minusSeconds(60)),
        ErrorCode.TIMESTAMP_OUT_OF_RANGE,
        "before the earliest");
    assertRefused(
        t,
        ChangeRange.timestamps(history.get(2).timestamp(), history.get(3).timestamp()),
        ErrorCode.INVALID_CHANGE_RANGE,
        "end cannot be before the start");
  }

  private static void assertRefused(Path t, ChangeRange range, ErrorCode code, String says) {
    List<String> columns = List.of("id");
    assertThrows(Exception.class, () -> sparks(t, range, columns), "delta-spark " + range);
    DeltaException e = assertThrows(DeltaException.class, () -> ours(t, range), range::toString);
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(t.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(says), e.getMessage());
  }

  private Path copy(Path source, String name) throws IOException {
    Path target = dir.resolve(name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }
}
