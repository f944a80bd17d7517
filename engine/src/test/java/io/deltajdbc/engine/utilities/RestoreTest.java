package io.deltajdbc.engine.utilities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.testing.SparkOracle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RESTORE: ours and delta-spark's on two copies of one table give the same result metrics, the same
 * commit, and the same rows at every version; each side reads the other's restored table.
 */
class RestoreTest {
  @TempDir Path dir;

  private static List<Row> sql(String sql) {
    return SparkOracle.spark().sql(sql).collectAsList();
  }

  /**
   * v0 create (deletion vectors), v1 and v2 inserts, v3 a deleted row (a DV), v4 a new column, v5
   * an insert.
   */
  private Path fixture() {
    Path t = dir.resolve("source");
    String p = "delta.`" + t + "`";
    sql(
        "CREATE TABLE "
            + p
            + " (id BIGINT, part STRING) USING delta PARTITIONED BY (part) "
            + "TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    sql("INSERT INTO " + p + " VALUES (1, 'a'), (2, 'a'), (3, 'b')");
    sql("INSERT INTO " + p + " VALUES (4, 'b')");
    sql("DELETE FROM " + p + " WHERE id = 2");
    sql("ALTER TABLE " + p + " ADD COLUMNS (note STRING)");
    sql("INSERT INTO " + p + " VALUES (5, 'c', 'x')");
    return t;
  }

  private Path copy(Path source, String name) throws IOException {
    return SparkUtilities.copy(source, dir.resolve(name));
  }

  /** One version's rows as delta-spark reads them, one text line per row, sorted. */
  private static List<String> sparkRows(Path t, long version) {
    return SparkOracle.spark()
        .read()
        .format("delta")
        .option("versionAsOf", version)
        .load(t.toString())
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  /**
   * Both tables hold the same rows at every version (our reads), and delta-spark reads the same
   * latest version from both (the commit we wrote, the one it wrote).
   */
  private static void assertSameVersions(Path ours, Path theirs, long latest) {
    for (long v = 0; v <= latest; v++) {
      assertEquals(ourRows(theirs, v), ourRows(ours, v), "version " + v);
    }
    assertEquals(sparkRows(theirs, latest), sparkRows(ours, latest));
  }

  private static List<String> ourRows(Path t, long version) {
    List<String> out = new ArrayList<>();
    try (var rows =
        DeltaTable.forPath(t.toString()).snapshotAtVersion(version).scanBuilder().build().rows()) {
      rows.forEachRemaining(r -> out.add(r.toString()));
    }
    out.sort(null);
    return out;
  }

  /** The latest version's rows as we read them. */
  private static List<String> ourRows(Path t) {
    List<String> out = new ArrayList<>();
    try (var rows =
        DeltaTable.forPath(t.toString()).latestSnapshot().scanBuilder().build().rows()) {
      rows.forEachRemaining(r -> out.add(r.toString()));
    }
    out.sort(null);
    return out;
  }

  private static RestoreResult sparkResult(Row r, long version) {
    return new RestoreResult(
        r.getLong(0),
        r.getLong(1),
        r.getLong(2),
        r.getLong(3),
        r.getLong(4),
        r.getLong(5),
        version);
  }

  private static void assertSameLastCommit(Path ours, Path theirs) {
    HistoryEntry a = SparkUtilities.history(ours.toString(), 1).get(0);
    HistoryEntry b = SparkUtilities.history(theirs.toString(), 1).get(0);
    assertEquals("RESTORE", a.operation());
    assertEquals(b.operation(), a.operation());
    assertEquals(b.operationParameters(), a.operationParameters());
    assertEquals(b.operationMetrics(), a.operationMetrics());
    assertEquals(b.isolationLevel(), a.isolationLevel());
    assertEquals(b.isBlindAppend(), a.isBlindAppend());
    assertEquals(b.readVersion(), a.readVersion());
    assertEquals(SparkUtilities.userVisible(b), SparkUtilities.userVisible(a));
  }

  @Test
  void restoreToAVersionIsDeltaSparksRestore() throws Exception {
    Path source = fixture();
    Path ours = copy(source, "ours");
    Path theirs = copy(source, "theirs");
    DeltaTable table = DeltaTable.forPath(ours.toString(), DeltaTable.defaultConfiguration());

    RestoreResult result = table.restore(RestoreTarget.ofVersion(2));
    Row spark = sql("RESTORE TABLE delta.`" + theirs + "` TO VERSION AS OF 2").get(0);
    assertEquals(sparkResult(spark, 6), result);
    assertEquals(6, result.version());
    assertSameLastCommit(ours, theirs);
    assertSameVersions(ours, theirs, 6);
    assertEquals(sparkRows(ours, 2), sparkRows(ours, 6));
    // The restored schema has no `note`; both read each other's table alike.
    assertEquals(
        SparkOracle.spark().read().format("delta").load(theirs.toString()).schema(),
        SparkOracle.spark().read().format("delta").load(ours.toString()).schema());
    assertEquals(ourRows(theirs), ourRows(ours));
    assertEquals(
        List.of("id", "part"),
        DeltaTable.forPath(ours.toString()).latestSnapshot().schema().fieldNames());

    // Going forward again: back to v3, through a version with a deletion vector.
    RestoreResult again = table.restore(RestoreTarget.ofVersion(3));
    Row sparkAgain = sql("RESTORE TABLE delta.`" + theirs + "` TO VERSION AS OF 3").get(0);
    assertEquals(sparkResult(sparkAgain, 7), again);
    assertSameLastCommit(ours, theirs);
    assertSameVersions(ours, theirs, 7);
    assertEquals(ourRows(theirs), ourRows(ours));
  }

  @Test
  void restoreToATimestampIsDeltaSparksRestore() throws Exception {
    Path source = fixture();
    Path ours = copy(source, "ours");
    Path theirs = copy(source, "theirs");
    DeltaTable table = DeltaTable.forPath(ours.toString(), DeltaTable.defaultConfiguration());
    Instant v1 =
        table.history().stream()
            .filter(h -> h.version() == 1)
            .findFirst()
            .orElseThrow()
            .timestamp();
    String text =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(v1);

    RestoreResult result = table.restore(RestoreTarget.ofTimestamp(v1));
    Row spark =
        sql("RESTORE TABLE delta.`" + theirs + "` TO TIMESTAMP AS OF '" + text + "'").get(0);
    assertEquals(sparkResult(spark, 6), result);
    assertSameLastCommit(ours, theirs);
    assertSameVersions(ours, theirs, 6);
  }

  @Test
  void restoreNeverDowngradesTheProtocol() throws Exception {
    Path source = dir.resolve("upgraded");
    String p = "delta.`" + source + "`";
    sql("CREATE TABLE " + p + " (id BIGINT) USING delta");
    sql("INSERT INTO " + p + " VALUES (1), (2)");
    sql("ALTER TABLE " + p + " ADD CONSTRAINT positive CHECK (id > 0)");
    sql("ALTER TABLE " + p + " SET TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    sql("DELETE FROM " + p + " WHERE id = 1");
    Path ours = copy(source, "ours-upgraded");
    Path theirs = copy(source, "theirs-upgraded");
    TableDetail before = DeltaTable.forPath(ours.toString()).detail();

    RestoreResult result =
        DeltaTable.forPath(ours.toString(), DeltaTable.defaultConfiguration())
            .restore(RestoreTarget.ofVersion(2));
    Row spark = sql("RESTORE TABLE delta.`" + theirs + "` TO VERSION AS OF 2").get(0);
    assertEquals(sparkResult(spark, 5), result);
    assertEquals(1, result.numRestoredFiles(), result.toString());
    TableDetail after = SparkUtilities.detail(ours.toString());
    TableDetail sparks = SparkUtilities.detail(theirs.toString());
    assertEquals(before.minReaderVersion(), after.minReaderVersion());
    assertEquals(before.minWriterVersion(), after.minWriterVersion());
    assertEquals(before.tableFeatures(), after.tableFeatures());
    assertEquals(
        List.of(
            sparks.minReaderVersion(),
            sparks.minWriterVersion(),
            sparks.tableFeatures(),
            sparks.properties()),
        List.of(
            after.minReaderVersion(),
            after.minWriterVersion(),
            after.tableFeatures(),
            after.properties()));
    assertEquals(
        Map.of("delta.constraints.positive", "id > 0"),
        after.properties(),
        "the metadata of version 2, its CHECK constraint included");
    assertSameLastCommit(ours, theirs);
    assertSameVersions(ours, theirs, 5);
  }

  @Test
  void badTargetsAreRefusedAndChangeNothing() throws Exception {
    Path t = fixture();
    DeltaTable table = DeltaTable.forPath(t.toString(), DeltaTable.defaultConfiguration());
    long latest = table.latestSnapshot().version();

    DeltaException future =
        assertThrows(
            DeltaException.class, () -> table.restore(RestoreTarget.ofVersion(latest + 3)));
    assertEquals(ErrorCode.VERSION_OUT_OF_RANGE, future.code());
    assertTrue(future.getMessage().contains(t.toString()), future.getMessage());
    assertThrows(
        Exception.class,
        () -> sql("RESTORE TABLE delta.`" + t + "` TO VERSION AS OF " + (latest + 3)));
    DeltaException current =
        assertThrows(DeltaException.class, () -> table.restore(RestoreTarget.ofVersion(latest)));
    assertEquals(ErrorCode.VERSION_OUT_OF_RANGE, current.code());
    DeltaException early =
        assertThrows(
            DeltaException.class,
            () -> table.restore(RestoreTarget.ofTimestamp(Instant.parse("2001-01-01T00:00:00Z"))));
    assertEquals(ErrorCode.TIMESTAMP_OUT_OF_RANGE, early.code());
    assertEquals(latest, DeltaTable.forPath(t.toString()).latestSnapshot().version());

    // After VACUUM RETAIN 0 HOURS the files of v1 are gone: RESTORE says which and writes nothing.
    Thread.sleep(5);
    Configuration conf = DeltaTable.defaultConfiguration();
    conf.set(EngineConfig.VACUUM_RETENTION_CHECK, "false");
    DeltaTable unchecked = DeltaTable.forPath(t.toString(), conf);
    unchecked.vacuum(VacuumRequest.defaults().retain(0));
    long vacuumed = unchecked.latestSnapshot().version();
    List<String> rows = ourRows(t);
    DeltaException missing =
        assertThrows(DeltaException.class, () -> unchecked.restore(RestoreTarget.ofVersion(1)));
    assertEquals(ErrorCode.RESTORE_FILE_MISSING, missing.code());
    assertTrue(missing.getMessage().contains("version 1"), missing.getMessage());
    assertTrue(missing.getMessage().contains(".parquet"), missing.getMessage());
    assertThrows(Exception.class, () -> sql("RESTORE TABLE delta.`" + t + "` TO VERSION AS OF 1"));
    assertEquals(vacuumed, DeltaTable.forPath(t.toString()).latestSnapshot().version());
    assertEquals(rows, ourRows(t));
  }
}
