package io.deltajdbc.engine.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.checkpoint.columnar.ColumnarCheckpointFile;
import io.deltajdbc.engine.internal.log.LogContext;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.storage.LogStore;
import io.deltajdbc.engine.storage.LogStores;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.testing.TestData;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The column-wise checkpoint reader against the row reader: every checkpoint and sidecar Parquet
 * file of the conformance tables, checkpoints we write and checkpoints delta-spark writes give the
 * same actions in the same order (or fail with the same message).
 */
class ColumnarCheckpointReadTest {
  @TempDir Path dir;

  /** What reading one file gave: its actions, or the failure's message. */
  private record Outcome(List<Action> actions, String error) {}

  private static Outcome read(Path file, boolean columnar) {
    Configuration conf = DeltaTable.defaultConfiguration();
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file.toUri());
    LogStore store = LogStores.forPath(p, conf);
    CheckpointReader reader =
        new CheckpointReader(new LogContext(store, p.getParent(), "t"), columnar);
    List<Action> out = new ArrayList<>();
    try {
      reader.readActions(7, new FileInfo(p, size(file), 0), out::add);
      return new Outcome(out, null);
    } catch (DeltaException e) {
      return new Outcome(null, e.code() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when the columnar reader itself decoded {@code file} (no fallback to the row reader). */
  private static boolean decodedColumnWise(Path file) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file.toUri());
    try {
      return ColumnarCheckpointFile.read(
          DeltaTable.defaultConfiguration(), p, size(file), "t", a -> {});
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static List<Path> checkpointFiles(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".parquet"))
          .filter(f -> f.toString().contains("/_delta_log/"))
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares both readers on every file; returns how many the columnar reader decoded itself. */
  private static int compareAll(List<Path> files) {
    int columnWise = 0;
    List<String> fellBack = new ArrayList<>();
    for (Path f : files) {
      Outcome rows = read(f, false);
      Outcome columns = read(f, true);
      assertEquals(rows.error(), columns.error(), f + ": the same failure");
      assertEquals(rows.actions(), columns.actions(), f + ": the same actions");
      if (decodedColumnWise(f)) {
        columnWise++;
      } else {
        fellBack.add(f + (rows.error() == null ? "" : " (unreadable)"));
      }
    }
    System.out.println(
        "column-wise: " + columnWise + " of " + files.size() + "; row reader: " + fellBack);
    return columnWise;
  }

  @Test
  void everyConformanceCheckpointReadsTheSameBothWays() {
    List<Path> files = checkpointFiles(TestData.root());
    assertTrue(files.size() > 50, "conformance checkpoints found: " + files.size());
    int columnWise = compareAll(files);
    // the files the row reader also fails on do not count: at most a few fall back
    assertTrue(
        columnWise >= files.size() * 9 / 10,
        columnWise + " of " + files.size() + " decoded column-wise");
  }

  /**
   * Damaged checkpoints fail alike with either reader: cut short (no footer: the same message), and
   * with their pages overwritten (a corrupt log naming the file, with the decoders' own details).
   */
  @Test
  void damagedCheckpointsFailTheSameWayBothWays() throws IOException {
    Path source =
        checkpointFiles(TestData.resolve("dat/out/reader_tests/generated/with_checkpoint/delta"))
            .get(0);
    byte[] bytes = Files.readAllBytes(source);
    Path cut = dir.resolve("00000000000000000002.checkpoint.parquet");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Outcome rows = read(cut, false);
    assertTrue(rows.error() != null, "a cut-short checkpoint fails");
    assertEquals(rows.error(), read(cut, true).error());

    int footer =
        bytes.length
            - 8
            - (bytes[bytes.length - 8] & 0xff
                | (bytes[bytes.length - 7] & 0xff) << 8
                | (bytes[bytes.length - 6] & 0xff) << 16
                | (bytes[bytes.length - 5] & 0xff) << 24);
    int damaged = 0;
    int corrupt = 0;
    for (int at = 4; at + 16 < footer; at += Math.max(1, footer / 40)) {
      byte[] copy = bytes.clone();
      java.util.Arrays.fill(copy, at, Math.min(footer, at + 16), (byte) 0x7f);
      Path bad = dir.resolve("bad-" + at + ".checkpoint.parquet");
      Files.write(bad, copy);
      String byRows = read(bad, false).error();
      String byColumns = read(bad, true).error();
      assertEquals(
          byRows == null,
          byColumns == null,
          "both fail or neither at " + at + ": " + byRows + " / " + byColumns);
      if (byRows != null) {
        damaged++;
        assertEquals(
            byRows.substring(0, byRows.indexOf(':')),
            byColumns.substring(0, byColumns.indexOf(':')),
            byRows + " / " + byColumns);
        String prefix =
            "checkpoint file " + new org.apache.hadoop.fs.Path(bad.toUri()) + " cannot be read: ";
        if (byRows.startsWith("CORRUPT_LOG")) {
          corrupt++;
          assertTrue(byColumns.contains(prefix), byColumns);
        }
      }
    }
    System.out.println("damaged copies detected: " + damaged + ", as a corrupt log: " + corrupt);
    assertTrue(damaged > 0, "some damage is detected");
  }

  @Test
  void ourCheckpointsReadTheSameBothWays() {
    StructType schema =
        StructType.of(
            new StructField("id", PrimitiveType.LONG, true),
            new StructField("part", PrimitiveType.STRING, true));
    String path = dir.resolve("ours").toString();
    DeltaTable t =
        DeltaTable.create(
            path,
            DeltaTable.defaultConfiguration(),
            TableSpec.of(schema, "part").withProperty("delta.checkpointInterval", "2"));
    for (int c = 0; c < 6; c++) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        rows.add(Row.of((long) (c * 5 + i), i == 0 ? null : "p" + (i % 3)));
      }
      Transaction txn = t.startTransaction();
      txn.write(rows.iterator());
      txn.commit(Operation.append());
    }
    for (int c = 0; c < 2; c++) {
      Transaction txn = t.startTransaction();
      AddFile victim =
          txn.readSnapshot().files().stream()
              .filter(f -> "p1".equals(f.partitionValues().get("part")))
              .toList()
              .get(c);
      txn.readFiles(List.of(victim));
      txn.remove(List.of(victim));
      txn.setTransaction("app-" + c, c + 1);
      txn.commit(Operation.of("DELETE", java.util.Map.of("predicate", "[]")));
    }
    List<Path> files = checkpointFiles(dir.resolve("ours"));
    assertTrue(files.size() >= 3, "checkpoints written: " + files);
    assertEquals(files.size(), compareAll(files), "all of our checkpoints are decoded column-wise");
    List<Action> last = read(files.get(files.size() - 1), true).actions();
    assertTrue(
        last.stream()
            .anyMatch(a -> a instanceof AddFile f && f.partitionValues().get("part") == null),
        "a file of the null partition");
    assertTrue(last.stream().anyMatch(a -> a instanceof RemoveFile), "a tombstone");
  }

  @Test
  void deltaSparkCheckpointsReadTheSameBothWays() {
    var spark = SparkOracle.spark();
    for (String policy : new String[] {"classic", "v2"}) {
      String path = dir.resolve("spark-" + policy).toString();
      spark.sql(
          "CREATE TABLE delta.`"
              + path
              + "` (id BIGINT, part STRING, note STRING) USING delta "
              + "PARTITIONED BY (part) TBLPROPERTIES ('delta.checkpointInterval' = '2', "
              + "'delta.enableDeletionVectors' = 'true', 'delta.checkpointPolicy' = '"
              + policy
              + "')");
      for (int c = 0; c < 4; c++) {
        spark.sql(
            "INSERT INTO delta.`"
                + path
                + "` VALUES ("
                + c
                + ", 'a', 'x"
                + c
                + "'), ("
                + (c + 10)
                + ", NULL, NULL), ("
                + (c + 20)
                + ", 'b', 'y')");
      }
      spark.sql("DELETE FROM delta.`" + path + "` WHERE id = 21");
      spark.sql("DELETE FROM delta.`" + path + "` WHERE part = 'a' AND id < 2");
      spark.sql("INSERT INTO delta.`" + path + "` VALUES (99, 'c', 'z')");
      List<Path> files = checkpointFiles(dir.resolve("spark-" + policy));
      assertFalse(files.isEmpty(), policy + ": delta-spark wrote checkpoints");
      assertEquals(files.size(), compareAll(files), policy + ": all decoded column-wise");
      List<Action> all = new ArrayList<>();
      files.forEach(f -> all.addAll(read(f, true).actions()));
      assertTrue(
          all.stream().anyMatch(a -> a instanceof AddFile f && f.deletionVector() != null)
              || all.stream().anyMatch(a -> a instanceof RemoveFile),
          policy + ": deletes are in a checkpoint");
    }
  }
}
