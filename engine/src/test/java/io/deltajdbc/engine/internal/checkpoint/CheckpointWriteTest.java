package io.deltajdbc.engine.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints as we write them: struct statistics, multi-part, and the log cleanup after them. */
class CheckpointWriteTest {
  private static final StructType SCHEMA =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, true),
          new StructField("ts", PrimitiveType.TIMESTAMP, true),
          new StructField("day", PrimitiveType.DATE, true));

  @TempDir Path dir;

  private static void append(DeltaTable t, long from, long to) {
    List<Row> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      rows.add(
          Row.of(i, Instant.ofEpochSecond(i * 1000), LocalDate.of(2024, 1, 1 + (int) (i % 3))));
    }
    Transaction txn = t.startTransaction();
    txn.write(rows.iterator());
    txn.commit(Operation.append());
  }

  private static long count(Snapshot s) {
    long n = 0;
    try (CloseableIterator<Row> it = s.scanBuilder().build().rows()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  @Test
  void structStatisticsWithoutJsonAreReadBackByUsAndDeltaSpark() {
    String path = dir.resolve("structs").toString();
    DeltaTable t =
        DeltaTable.create(
            path,
            DeltaTable.defaultConfiguration(),
            TableSpec.of(SCHEMA, "day")
                .withProperty("delta.checkpointInterval", "3")
                .withProperty("delta.checkpoint.writeStatsAsStruct", "true")
                .withProperty("delta.checkpoint.writeStatsAsJson", "false"));
    for (int c = 0; c < 3; c++) {
      append(t, c * 10L, c * 10L + 10);
    }
    assertTrue(
        Files.exists(dir.resolve("structs/_delta_log/00000000000000000003.checkpoint.parquet")));
    Snapshot cold = DeltaTable.forPath(path, DeltaTable.defaultConfiguration()).latestSnapshot();
    assertTrue(
        cold.files().stream()
            .allMatch(f -> f.stats() != null && f.stats().contains("\"minValues\"")),
        "statistics come back from stats_parsed");
    assertEquals(30L, cold.scanBuilder().build().rowCountFromLog().orElseThrow());
    assertEquals(30L, SparkOracle.spark().read().format("delta").load(path).count());
    assertEquals(
        10L, SparkOracle.spark().read().format("delta").load(path).where("id >= 20").count());
  }

  @Test
  void largeStatesAreSplitIntoParts() {
    Configuration conf = DeltaTable.defaultConfiguration();
    conf.setLong(CheckpointWriter.PART_SIZE, 3);
    String path = dir.resolve("parts").toString();
    DeltaTable t =
        DeltaTable.create(
            path, conf, TableSpec.of(SCHEMA).withProperty("delta.checkpointInterval", "4"));
    for (int c = 0; c < 4; c++) {
      append(t, c * 5L, c * 5L + 5);
    }
    // protocol + metadata + 4 files = 6 actions in parts of at most 3
    assertTrue(
        Files.exists(
            dir.resolve(
                "parts/_delta_log/00000000000000000004.checkpoint.0000000001.0000000002.parquet")));
    assertTrue(
        Files.exists(
            dir.resolve(
                "parts/_delta_log/00000000000000000004.checkpoint.0000000002.0000000002.parquet")));
    assertEquals(
        20, count(DeltaTable.forPath(path, DeltaTable.defaultConfiguration()).latestSnapshot()));
    assertEquals(20L, SparkOracle.spark().read().format("delta").load(path).count());
  }

  @Test
  void expiredLogFilesAreDeletedBeforeTheNewestExpiredCheckpoint() throws Exception {
    String path = dir.resolve("cleanup").toString();
    DeltaTable t =
        DeltaTable.create(
            path,
            DeltaTable.defaultConfiguration(),
            TableSpec.of(SCHEMA)
                .withProperty("delta.checkpointInterval", "2")
                .withProperty("delta.logRetentionDuration", "interval 1 days"));
    append(t, 0, 5);
    append(t, 5, 10); // checkpoint at 2
    append(t, 10, 15);
    Path log = dir.resolve("cleanup/_delta_log");
    FileTime old = FileTime.from(Instant.now().minusSeconds(3 * 86_400));
    try (Stream<Path> files = Files.list(log)) {
      for (Path f : files.toList()) {
        Files.setLastModifiedTime(f, old);
      }
    }
    append(t, 15, 20); // checkpoint at 4: versions before the expired checkpoint 2 go
    assertFalse(Files.exists(log.resolve("00000000000000000000.json")));
    assertFalse(Files.exists(log.resolve("00000000000000000001.json")));
    assertTrue(Files.exists(log.resolve("00000000000000000002.checkpoint.parquet")));
    assertTrue(Files.exists(log.resolve("00000000000000000003.json")));
    DeltaTable fresh = DeltaTable.forPath(path, DeltaTable.defaultConfiguration());
    assertEquals(20, count(fresh.latestSnapshot()));
    assertEquals(10, count(fresh.snapshotAtVersion(2)));
    DeltaException gone = assertThrows(DeltaException.class, () -> fresh.snapshotAtVersion(1));
    assertEquals(ErrorCode.VERSION_OUT_OF_RANGE, gone.code(), gone.getMessage());
    assertEquals(20L, SparkOracle.spark().read().format("delta").load(path).count());
  }
}
