package io.deltajdbc.engine.utilities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESCRIBE HISTORY and DESCRIBE DETAIL: our answer equals delta-spark's on the same table, every
 * column, for tables we wrote and tables delta-spark wrote.
 */
class HistoryAndDetailTest {
  private static final StructType SCHEMA =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, false),
          new StructField("part", PrimitiveType.STRING, true));

  @TempDir Path dir;

  private static void sql(String sql) {
    SparkOracle.spark().sql(sql);
  }

  private static long append(DeltaTable t, long from, String part) {
    Transaction txn = t.startTransaction();
    txn.write(List.of(Row.of(from, part), Row.of(from + 1, part)).iterator());
    return txn.commit(Operation.append()).version();
  }

  @Test
  void historyAndDetailOfATableWeWroteAreDeltaSparks() {
    String path = dir.resolve("ours").toString();
    DeltaTable t =
        DeltaTable.create(
            path,
            DeltaTable.defaultConfiguration(),
            new TableSpec(SCHEMA, List.of("part"), null, "a comment", Map.of())
                .withProperty("delta.checkpointInterval", "2"));
    append(t, 0, "a");
    append(t, 10, "b");
    Transaction txn = t.startTransaction();
    AddFile victim = txn.readSnapshot().files().iterator().next();
    txn.readFiles(List.of(victim));
    txn.remove(List.of(victim));
    txn.commit(Operation.of("DELETE", Map.of("predicate", "[\"(part = 'a')\"]")));
    Transaction props = t.startTransaction();
    props.changeProperties(Map.of("k", "v"), List.of(), false);
    props.commit(Operation.of("SET TBLPROPERTIES", Map.of("properties", "{\"k\":\"v\"}")));

    List<HistoryEntry> ours = t.history();
    assertEquals(SparkUtilities.history(path, null), ours);
    assertEquals(List.of(4L, 3L, 2L, 1L, 0L), ours.stream().map(HistoryEntry::version).toList());
    assertEquals(
        List.of("SET TBLPROPERTIES", "DELETE", "WRITE", "WRITE", "CREATE TABLE"),
        ours.stream().map(HistoryEntry::operation).toList());
    assertEquals(SparkUtilities.history(path, 2), t.history(2));
    assertEquals(2, t.history(2).size());
    assertEquals(List.of(), t.history(0));

    TableDetail detail = t.detail();
    assertEquals(SparkUtilities.detail(path), detail);
    assertEquals(1, detail.numFiles());
    assertEquals(List.of("part"), detail.partitionColumns());
    assertEquals("a comment", detail.description());
  }

  @Test
  void historyOfATableDeltaSparkWroteWithChecksAndCheckpoints() {
    String path = dir.resolve("theirs").toString();
    sql(
        "CREATE TABLE delta.`"
            + path
            + "` (id BIGINT, part STRING) USING delta PARTITIONED BY (part) "
            + "TBLPROPERTIES ('delta.checkpointInterval' = '2', 'delta.enableDeletionVectors' = 'true')");
    sql("INSERT INTO delta.`" + path + "` VALUES (1, 'a'), (2, 'a'), (3, 'b')");
    sql("INSERT INTO delta.`" + path + "` VALUES (4, 'b')");
    sql("DELETE FROM delta.`" + path + "` WHERE id = 1");
    sql("UPDATE delta.`" + path + "` SET id = 5 WHERE id = 4");
    sql("ALTER TABLE delta.`" + path + "` ADD CONSTRAINT positive CHECK (id > 0)");
    sql("OPTIMIZE delta.`" + path + "`");

    DeltaTable t = DeltaTable.forPath(path, DeltaTable.defaultConfiguration());
    List<HistoryEntry> ours = t.history();
    assertEquals(SparkUtilities.history(path, null), ours);
    assertEquals(7, ours.size());
    assertTrue(ours.get(0).operationMetrics().containsKey("numAddedFiles"), ours.get(0).toString());
    assertEquals(SparkUtilities.history(path, 3), t.history(3));
    assertEquals(SparkUtilities.detail(path), t.detail());
  }

  @Test
  void timestampsAreMonotonizedAsDeltaSparkDoes() {
    String path = dir.resolve("clock").toString();
    DeltaTable t = DeltaTable.create(path, DeltaTable.defaultConfiguration(), TableSpec.of(SCHEMA));
    append(t, 0, "a");
    append(t, 2, "a");
    append(t, 4, "a");
    // Commit files whose modification times go backwards (a clock skew, a copied table).
    File log = new File(path, "_delta_log");
    long base = 1_700_000_000_000L;
    long[] times = {base, base + 5_000, base + 5_000, base + 1_000};
    for (int v = 0; v < times.length; v++) {
      assertTrue(new File(log, String.format("%020d.json", v)).setLastModified(times[v]));
    }
    List<HistoryEntry> ours = t.history();
    assertEquals(SparkUtilities.history(path, null), ours);
    assertEquals(base + 5_002, ours.get(0).timestamp().toEpochMilli());
    assertEquals(base + 5_001, ours.get(1).timestamp().toEpochMilli());
    // Only the commits listed are monotonized, as in delta-spark: with LIMIT 1 the file's time.
    assertEquals(SparkUtilities.history(path, 1), t.history(1));
    assertEquals(base + 1_000, t.history(1).get(0).timestamp().toEpochMilli());
  }

  @Test
  void inCommitTimestampsAreTheHistorysTimesOnceEnabled() {
    String path = dir.resolve("ict").toString();
    sql("CREATE TABLE delta.`" + path + "` (id BIGINT) USING delta");
    sql("INSERT INTO delta.`" + path + "` VALUES (1)");
    sql(
        "ALTER TABLE delta.`"
            + path
            + "` SET TBLPROPERTIES ('delta.enableInCommitTimestamps-preview' = 'true')");
    sql("INSERT INTO delta.`" + path + "` VALUES (2)");
    // A commit file touched later must not move an in-commit-timestamped commit.
    File v3 = new File(path, "_delta_log/00000000000000000003.json");
    assertTrue(v3.setLastModified(v3.lastModified() + 3_600_000L));

    DeltaTable t = DeltaTable.forPath(path, DeltaTable.defaultConfiguration());
    List<HistoryEntry> ours = t.history();
    assertEquals(SparkUtilities.history(path, null), ours);
    assertNotEquals(v3.lastModified(), ours.get(0).timestamp().toEpochMilli());
    assertEquals(SparkUtilities.detail(path), t.detail());
  }

  @Test
  void detailListsTheLegacyFeaturesOfLegacyProtocols() {
    String legacy = dir.resolve("legacy").toString();
    sql(
        "CREATE TABLE delta.`"
            + legacy
            + "` (id BIGINT) USING delta "
            + "TBLPROPERTIES ('delta.minReaderVersion' = '1', 'delta.minWriterVersion' = '4')");
    TableDetail d = DeltaTable.forPath(legacy, DeltaTable.defaultConfiguration()).detail();
    assertEquals(SparkUtilities.detail(legacy), d);
    assertEquals(
        List.of(
            "appendOnly", "changeDataFeed", "checkConstraints", "generatedColumns", "invariants"),
        d.tableFeatures());

    String mapped = dir.resolve("mapped").toString();
    sql(
        "CREATE TABLE delta.`"
            + mapped
            + "` (id BIGINT) USING delta TBLPROPERTIES ('delta.columnMapping.mode' = 'name', "
            + "'delta.minReaderVersion' = '2', 'delta.minWriterVersion' = '5')");
    TableDetail m = DeltaTable.forPath(mapped, DeltaTable.defaultConfiguration()).detail();
    assertEquals(SparkUtilities.detail(mapped), m);
    assertTrue(m.tableFeatures().contains("columnMapping"));

    String features = dir.resolve("features").toString();
    sql(
        "CREATE TABLE delta.`"
            + features
            + "` (id BIGINT) USING delta TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    TableDetail f = DeltaTable.forPath(features, DeltaTable.defaultConfiguration()).detail();
    assertEquals(SparkUtilities.detail(features), f);
    assertTrue(f.tableFeatures().contains("deletionVectors"), f.tableFeatures().toString());
  }

  @Test
  void aCommitWithoutCommitInfoIsAnEmptyRowInBoth() throws Exception {
    String path = dir.resolve("bare").toString();
    DeltaTable t = DeltaTable.create(path, DeltaTable.defaultConfiguration(), TableSpec.of(SCHEMA));
    append(t, 0, "a");
    // Another writer's commit with no commitInfo (the protocol makes it optional).
    java.nio.file.Files.writeString(
        dir.resolve("bare/_delta_log/00000000000000000002.json"),
        "{\"txn\":{\"appId\":\"app\",\"version\":3}}\n");
    List<HistoryEntry> ours = DeltaTable.forPath(path, DeltaTable.defaultConfiguration()).history();
    assertEquals(SparkUtilities.history(path, null), ours);
    HistoryEntry bare = ours.get(0);
    assertEquals(2, bare.version());
    assertEquals(null, bare.operation());
    assertEquals(null, bare.operationParameters());
    assertEquals(null, bare.readVersion());
  }

  @Test
  void historyOfNoTableIsTableNotFound() {
    DeltaTable t = DeltaTable.forPath(dir.resolve("none").toString());
    DeltaException e = assertThrows(DeltaException.class, t::history);
    assertEquals(ErrorCode.TABLE_NOT_FOUND, e.code());
    DeltaException d = assertThrows(DeltaException.class, t::detail);
    assertEquals(ErrorCode.TABLE_NOT_FOUND, d.code());
    DeltaException l = assertThrows(DeltaException.class, () -> t.history(-1));
    assertEquals(ErrorCode.INVALID_ARGUMENT, l.code());
  }
}
