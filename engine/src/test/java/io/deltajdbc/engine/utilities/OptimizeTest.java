package io.deltajdbc.engine.utilities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.internal.txn.TransactionImpl;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.Transaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OPTIMIZE: ours and delta-spark's on two copies of one table compact the same files into one file
 * per partition, record the same commit (operation, parameters, metric names, counts), and leave
 * the same rows, each side reading the other's table; Z-order sorts a partition's rows so that the
 * files written cover ranges of the column that do not overlap.
 */
class OptimizeTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  private static Path source;

  private static void sql(String sql) {
    SparkOracle.spark().sql(sql);
  }

  /** The table written once by delta-spark for every test, which each test copies. */
  @BeforeAll
  static void writeSource() {
    source = write(shared.resolve("source"));
  }

  /** A copy of the source table for one test. */
  private Path fixture() throws java.io.IOException {
    return SparkUtilities.copy(source, dir.resolve("ours"));
  }

  /** Six small files: three inserts into partitions a and b, a deletion vector in one of them. */
  private static Path write(Path t) {
    String p = "delta.`" + t + "`";
    sql(
        "CREATE TABLE "
            + p
            + " (id BIGINT, v BIGINT, part STRING) USING delta PARTITIONED BY (part) "
            + "TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    for (int i = 0; i < 3; i++) {
      sql(
          "INSERT INTO "
              + p
              + " SELECT /*+ REPARTITION(1) */ id + "
              + (i * 10)
              + ", (id * 7) % 10, IF(id % 2 = 0, 'a', 'b') FROM range(10)");
    }
    sql("DELETE FROM " + p + " WHERE id = 3");
    return t;
  }

  private static Map<String, Long> filesPerPartition(Path t) {
    return DeltaTable.forPath(t.toString()).latestSnapshot().files().stream()
        .collect(
            Collectors.groupingBy(
                // the one partition column's value (a physical name under column mapping)
                f -> f.partitionValues().values().iterator().next(),
                TreeMap::new,
                Collectors.counting()));
  }

  private static List<String> rows(Path t) {
    List<String> out = new ArrayList<>();
    try (var rows =
        DeltaTable.forPath(t.toString()).latestSnapshot().scanBuilder().build().rows()) {
      rows.forEachRemaining(r -> out.add(r.toString()));
    }
    out.sort(null);
    return out;
  }

  private static List<String> sparkRows(Path t) {
    return SparkOracle.spark().read().format("delta").load(t.toString()).collectAsList().stream()
        .map(org.apache.spark.sql.Row::toString)
        .sorted()
        .toList();
  }

  @Test
  void compactionIsDeltaSparks() throws Exception {
    Path ours = fixture();
    Path theirs = SparkUtilities.copy(ours, dir.resolve("theirs"));
    List<String> before = rows(ours);
    OptimizeResult result = DeltaTable.forPath(ours.toString()).optimize(OptimizeRequest.all());
    sql("OPTIMIZE delta.`" + theirs + "`");

    assertEquals(filesPerPartition(theirs), filesPerPartition(ours));
    assertEquals(Map.of("a", 1L, "b", 1L), filesPerPartition(ours));
    assertEquals(before, rows(ours));
    assertEquals(sparkRows(theirs), sparkRows(ours), "delta-spark reads what we wrote");
    assertEquals(rows(theirs), rows(ours), "we read what delta-spark wrote");
    HistoryEntry ourCommit = DeltaTable.forPath(ours.toString()).history(1).get(0);
    HistoryEntry theirCommit = SparkUtilities.history(theirs.toString(), 1).get(0);
    assertEquals("OPTIMIZE", ourCommit.operation());
    assertEquals(theirCommit.operationParameters(), ourCommit.operationParameters());
    assertEquals(theirCommit.operationMetrics().keySet(), ourCommit.operationMetrics().keySet());
    for (String m : List.of("numRemovedFiles", "numAddedFiles", "numDeletionVectorsRemoved")) {
      assertEquals(theirCommit.operationMetrics().get(m), ourCommit.operationMetrics().get(m), m);
    }
    assertEquals(theirCommit.isBlindAppend(), ourCommit.isBlindAppend());
    assertEquals(theirCommit.isolationLevel(), ourCommit.isolationLevel());
    assertEquals(6, result.metrics().numFilesRemoved());
    assertEquals(2, result.metrics().numFilesAdded());
    assertEquals(2, result.metrics().partitionsOptimized());
    assertEquals(1, result.metrics().deletionVectorStats().numDeletionVectorsRemoved());

    // nothing left to compact: no commit, on both sides
    long version = DeltaTable.forPath(ours.toString()).latestSnapshot().version();
    OptimizeResult again = DeltaTable.forPath(ours.toString()).optimize(OptimizeRequest.all());
    assertEquals(-1, again.version());
    assertEquals(version, DeltaTable.forPath(ours.toString()).latestSnapshot().version());
  }

  @Test
  void aPartitionPredicateOptimizesThatPartitionOnly() throws Exception {
    Path ours = fixture();
    Path theirs = SparkUtilities.copy(ours, dir.resolve("theirs"));
    DeltaTable.forPath(ours.toString())
        .optimize(
            OptimizeRequest.all()
                .where(Predicates.eq(Column.of("part"), Literal.of("a")), "('part = a)"));
    sql("OPTIMIZE delta.`" + theirs + "` WHERE part = 'a'");
    assertEquals(filesPerPartition(theirs), filesPerPartition(ours));
    assertEquals(Map.of("a", 1L, "b", 3L), filesPerPartition(ours));
    assertEquals(
        SparkUtilities.history(theirs.toString(), 1).get(0).operationParameters(),
        DeltaTable.forPath(ours.toString()).history(1).get(0).operationParameters());
  }

  @Test
  void zOrderGivesFilesOfDisjointRanges() throws Exception {
    Path ours = fixture();
    Path theirs = SparkUtilities.copy(ours, dir.resolve("theirs"));
    // small output files, so that a partition's rows are written as several
    DeltaTable t =
        DeltaTable.forPath(ours.toString(), withSetting("deltajdbc.optimize.maxFileSize", "1"));
    OptimizeResult result = t.optimize(OptimizeRequest.all().zOrderBy(List.of("v")));
    sql("OPTIMIZE delta.`" + theirs + "` ZORDER BY (v)");
    assertEquals(sparkRows(theirs), sparkRows(ours));
    assertEquals(
        SparkUtilities.history(theirs.toString(), 1).get(0).operationParameters(),
        DeltaTable.forPath(ours.toString()).history(1).get(0).operationParameters());
    assertEquals("all", result.metrics().zOrderStats().strategyName());
    for (String part : List.of("a", "b")) {
      List<long[]> ranges = new ArrayList<>();
      for (AddFile f : DeltaTable.forPath(ours.toString()).latestSnapshot().files()) {
        if (part.equals(f.partitionValues().get("part"))) {
          FileStats s = FileStats.parse(f.stats());
          ranges.add(new long[] {s.minValues().get("v").asLong(), s.maxValues().get("v").asLong()});
        }
      }
      assertTrue(ranges.size() > 1, "several files in partition " + part + ": " + ranges.size());
      ranges.sort(Comparator.comparingLong(r -> r[0]));
      for (int i = 1; i < ranges.size(); i++) {
        assertTrue(
            ranges.get(i)[0] >= ranges.get(i - 1)[1],
            "the files' ranges of v follow one another in partition " + part);
      }
    }
  }

  /**
   * Z-order by two columns of a table with column mapping, timestamps with microseconds, dates
   * before 1970 and decimals: the rows stay the same in both readers, the new files' statistics
   * bound their rows, and delta-spark's OPTIMIZE of a copy gives the same files per partition.
   */
  @Test
  void zOrderOfTypedColumnsWithColumnMappingIsDeltaSparks() throws Exception {
    Path ours = dir.resolve("typed");
    String p = "delta.`" + ours + "`";
    sql(
        "CREATE TABLE "
            + p
            + " (id BIGINT, ts TIMESTAMP, day DATE, amount DECIMAL(20,4), part STRING) USING delta"
            + " PARTITIONED BY (part) TBLPROPERTIES ('delta.columnMapping.mode' = 'name')");
    for (int i = 0; i < 3; i++) {
      sql(
          "INSERT INTO "
              + p
              + " SELECT /*+ REPARTITION(1) */ id, timestamp_micros(id * 1000001 - 86400000000),"
              + " date_add(DATE '1969-12-20', CAST(id * "
              + (i + 1)
              + " AS INT)), CAST(id AS DECIMAL(20,4)) / 7 - 3, IF(id % 2 = 0, 'a', 'b')"
              + " FROM range("
              + (i * 10)
              + ", "
              + (i * 10 + 10)
              + ")");
    }
    Path theirs = SparkUtilities.copy(ours, dir.resolve("typed-theirs"));
    List<String> before = sparkRows(ours);
    OptimizeResult result =
        DeltaTable.forPath(ours.toString())
            .optimize(OptimizeRequest.all().zOrderBy(List.of("day", "amount")));
    sql("OPTIMIZE delta.`" + theirs + "` ZORDER BY (day, amount)");
    assertEquals(6, result.metrics().numFilesRemoved());
    assertEquals(before, sparkRows(ours), "delta-spark reads the same rows");
    assertEquals(sparkRows(theirs), sparkRows(ours));
    assertEquals(rows(theirs), rows(ours), "we read what delta-spark wrote");
    assertEquals(filesPerPartition(theirs), filesPerPartition(ours));
    long filtered =
        SparkOracle.spark()
            .read()
            .format("delta")
            .load(ours.toString())
            .filter("day < DATE '1970-01-01' AND amount > -2.5")
            .count();
    long expected =
        SparkOracle.spark()
            .read()
            .format("delta")
            .load(theirs.toString())
            .filter("day < DATE '1970-01-01' AND amount > -2.5")
            .count();
    assertEquals(expected, filtered, "delta-spark's skipping by our statistics keeps the rows");
  }

  /**
   * The commit OPTIMIZE makes (every file rewritten into one, {@code dataChange = false}), staged
   * while a blind append commits, still commits; the table then holds both.
   */
  @Test
  void aConcurrentBlindAppendDoesNotConflict() throws Exception {
    Path path = fixture();
    DeltaTable table = DeltaTable.forPath(path.toString());
    List<String> before = rows(path);
    TransactionImpl optimize = (TransactionImpl) table.startTransaction();
    Snapshot read = optimize.readSnapshot();
    List<AddFile> files = new ArrayList<>(read.files());
    optimize.readPredicate(Predicates.TRUE);
    List<AddFile> rewritten = new ArrayList<>();
    try (var rows = read.scanBuilder().build().rows()) {
      for (AddFile f : read.tableFiles().writer().write(rows)) {
        rewritten.add(f.withDataChange(false));
      }
    }
    Transaction append = table.startTransaction();
    append.write(List.of(Row.of(100L, 1L, "a")).iterator());
    append.commit(Operation.append());
    optimize.add(rewritten);
    optimize.remove(files, false);
    optimize.commit(new Operation("OPTIMIZE", Map.of(), Map.of()));
    List<String> expected = new ArrayList<>(before);
    expected.add(Row.of(100L, 1L, "a").toString());
    expected.sort(null);
    assertEquals(expected, rows(path));
    assertEquals(sparkRows(path).size(), expected.size());
  }

  @Test
  void badRequestsAreRefusedAndChangeNothing() throws Exception {
    Path path = fixture();
    DeltaTable table = DeltaTable.forPath(path.toString());
    long version = table.latestSnapshot().version();
    DeltaException dataColumn =
        assertThrows(
            DeltaException.class,
            () ->
                table.optimize(
                    OptimizeRequest.all()
                        .where(Predicates.eq(Column.of("id"), Literal.of(1L)), "(id = 1)")));
    assertEquals(ErrorCode.INVALID_ARGUMENT, dataColumn.code());
    assertTrue(dataColumn.getMessage().contains("id"), dataColumn.getMessage());
    DeltaException partition =
        assertThrows(
            DeltaException.class,
            () -> table.optimize(OptimizeRequest.all().zOrderBy(List.of("part"))));
    assertTrue(partition.getMessage().contains("partition column"), partition.getMessage());
    sql(
        "ALTER TABLE delta.`"
            + path
            + "` SET TBLPROPERTIES ('delta.dataSkippingNumIndexedCols' = '1')");
    DeltaTable altered = DeltaTable.forPath(path.toString());
    DeltaException noStats =
        assertThrows(
            DeltaException.class,
            () -> altered.optimize(OptimizeRequest.all().zOrderBy(List.of("v"))));
    assertTrue(noStats.getMessage().contains("statistics"), noStats.getMessage());
    assertEquals(version + 1, DeltaTable.forPath(path.toString()).latestSnapshot().version());
  }

  private static org.apache.hadoop.conf.Configuration withSetting(String key, String value) {
    org.apache.hadoop.conf.Configuration conf = DeltaTable.defaultConfiguration();
    conf.set(key, value);
    return conf;
  }
}
