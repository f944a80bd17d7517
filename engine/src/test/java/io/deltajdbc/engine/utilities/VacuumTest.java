package io.deltajdbc.engine.utilities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.testing.SparkOracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VACUUM: ours and delta-spark's on two copies of the same table leave the same files and
 * directories, list the same paths in a dry run, and write the same VACUUM START / VACUUM END
 * commits; each side reads the other's vacuumed table.
 */
class VacuumTest {
  private static final String CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";
  private static final long TWO_HOURS = 2 * 3_600_000L;

  private static final String LISTING = "spark.sql.sources.parallelPartitionDiscovery.parallelism";

  @TempDir Path dir;

  /** delta-spark lists a table in 10,000 tasks by default: two do for a few files. */
  @BeforeAll
  static void fewListingTasks() {
    SparkOracle.spark().conf().set(LISTING, "2");
  }

  @AfterAll
  static void defaultListingTasks() {
    SparkOracle.spark().conf().unset(LISTING);
  }

  private static void sql(String sql) {
    SparkOracle.spark().sql(sql).collect();
  }

  /**
   * A partitioned table with deletion vectors: removed files, a replaced deletion vector, an
   * untracked file, hidden files, change data, an empty directory; every file but the log two hours
   * old.
   */
  private Path fixture() throws IOException {
    Path t = dir.resolve("source");
    String p = t.toString();
    sql(
        "CREATE TABLE delta.`"
            + p
            + "` (id BIGINT, part STRING) USING delta PARTITIONED BY (part) TBLPROPERTIES "
            + "('delta.enableDeletionVectors' = 'true', 'delta.checkpointInterval' = '2', "
            + "'delta.deletedFileRetentionDuration' = 'interval 1 hours')");
    sql("INSERT INTO delta.`" + p + "` VALUES (1, 'a'), (2, 'a'), (3, 'a'), (4, 'b')");
    sql("INSERT INTO delta.`" + p + "` VALUES (5, 'c d%')");
    sql("DELETE FROM delta.`" + p + "` WHERE id = 1"); // a deletion vector
    sql("DELETE FROM delta.`" + p + "` WHERE id = 2"); // a second one replaces it
    sql("DELETE FROM delta.`" + p + "` WHERE part = 'c d%'"); // a removed file
    Files.writeString(t.resolve("part=a/stray.parquet"), "not tracked");
    Files.createDirectories(t.resolve("_change_data"));
    Files.writeString(t.resolve("_change_data/cdc-old.parquet"), "change data");
    Files.createDirectories(t.resolve("_hidden"));
    Files.writeString(t.resolve("_hidden/keep.txt"), "hidden");
    Files.writeString(t.resolve(".keep"), "hidden");
    Files.createDirectories(t.resolve("empty"));
    try (Stream<Path> all = Files.walk(t)) {
      FileTime old = FileTime.fromMillis(System.currentTimeMillis() - TWO_HOURS);
      for (Path f : all.filter(f -> !f.toString().contains("_delta_log")).toList()) {
        Files.setLastModifiedTime(f, old);
      }
    }
    return t;
  }

  private Path copy(Path source, String name) throws IOException {
    return SparkUtilities.copy(source, dir.resolve(name));
  }

  /** Every file and directory below the table, relative, the log and checksums left out. */
  private static TreeSet<String> tree(Path t) {
    try (Stream<Path> all = Files.walk(t)) {
      TreeSet<String> out = new TreeSet<>();
      all.filter(f -> !f.equals(t))
          .map(f -> t.relativize(f).toString() + (Files.isDirectory(f) ? "/" : ""))
          .filter(f -> !f.startsWith("_delta_log") && !f.endsWith(".crc"))
          .forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TreeSet<String> relative(Path t, List<String> absolute) {
    String root = "file:" + t.toAbsolutePath();
    TreeSet<String> out = new TreeSet<>();
    for (String a : absolute) {
      assertTrue(a.startsWith(root + "/"), a + " under " + root);
      out.add(a.substring(root.length() + 1));
    }
    return out;
  }

  private static List<String> sparkPaths(String sql) {
    return SparkOracle.spark().sql(sql).collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  private static List<Long> ids(String path) {
    return SparkOracle.spark()
        .sql("SELECT id FROM delta.`" + path + "` ORDER BY id")
        .collectAsList()
        .stream()
        .map(r -> r.getLong(0))
        .toList();
  }

  /** Our read of the table's ids, sorted. */
  private static List<Long> ourIds(Path t) {
    List<Long> out = new java.util.ArrayList<>();
    try (var rows =
        DeltaTable.forPath(t.toString())
            .latestSnapshot()
            .scanBuilder()
            .withColumns(List.of("id"))
            .build()
            .rows()) {
      rows.forEachRemaining(r -> out.add((Long) r.get(0)));
    }
    out.sort(null);
    return out;
  }

  @Test
  void vacuumDeletesWhatDeltaSparksVacuumDeletes() throws Exception {
    Path source = fixture();
    Path ours = copy(source, "ours");
    Path theirs = copy(source, "theirs");
    DeltaTable table = DeltaTable.forPath(ours.toString(), DeltaTable.defaultConfiguration());

    // Dry run with the table's retention (1 hour): the same paths, nothing deleted or committed.
    long before = table.latestSnapshot().version();
    VacuumResult dry = table.vacuum(VacuumRequest.defaults().asDryRun());
    List<String> sparkDry = sparkPaths("VACUUM delta.`" + theirs + "` DRY RUN");
    assertEquals(relative(theirs, sparkDry), relative(ours, dry.paths()));
    assertTrue(relative(ours, dry.paths()).contains("part=a/stray.parquet"), dry.toString());
    assertTrue(relative(ours, dry.paths()).contains("_change_data/cdc-old.parquet"));
    assertTrue(relative(ours, dry.paths()).contains("empty"));
    assertEquals(tree(theirs), tree(ours));
    assertEquals(before, table.latestSnapshot().version());

    // The table's retention: tombstones of the last hour keep the removed files and their DVs.
    VacuumResult first = table.vacuum(VacuumRequest.defaults());
    sql("VACUUM delta.`" + theirs + "`");
    assertEquals(tree(theirs), tree(ours));
    assertFalse(tree(ours).contains("part=a/stray.parquet"));
    assertTrue(tree(ours).contains("_hidden/keep.txt"));
    assertTrue(tree(ours).contains(".keep"));
    assertFalse(tree(ours).contains("empty/"));
    assertTrue(
        tree(ours).contains("part=c d%25/"), "a removed file's directory stays until a later run");
    assertEquals(before + 1, first.startVersion());
    assertEquals(before + 2, first.endVersion());
    assertEquals(first.paths().size(), first.numDeletedFiles());
    assertHistoryEquals(ours, theirs, 2);

    // RETAIN 0 HOURS with the check off: the removed files and replaced DVs go too.
    Thread.sleep(5);
    Configuration conf = DeltaTable.defaultConfiguration();
    conf.set(EngineConfig.VACUUM_RETENTION_CHECK, "false");
    DeltaTable unchecked = DeltaTable.forPath(ours.toString(), conf);
    TreeSet<String> beforeZero = tree(ours);
    unchecked.vacuum(VacuumRequest.defaults().retain(0));
    SparkOracle.spark().conf().set(CHECK, "false");
    try {
      sql("VACUUM delta.`" + theirs + "` RETAIN 0 HOURS");
    } finally {
      SparkOracle.spark().conf().unset(CHECK);
    }
    assertEquals(tree(theirs), tree(ours));
    assertTrue(beforeZero.size() > tree(ours).size(), beforeZero + " vs " + tree(ours));
    assertHistoryEquals(ours, theirs, 2);

    // Our commits checkpointed the table delta-spark wrote: Hadoop's checksummed file system, as
    // delta-spark reads through it, verifies our _last_checkpoint (no stale .crc of theirs left).
    try (var in =
        org.apache.hadoop.fs.FileSystem.getLocal(new Configuration())
            .open(
                new org.apache.hadoop.fs.Path(
                    ours.resolve("_delta_log/_last_checkpoint").toString()))) {
      assertTrue(in.readAllBytes().length > 0);
    }

    // Each reads the other's vacuumed table, at the latest version.
    assertEquals(List.of(3L, 4L), ids(ours.toString()));
    assertEquals(List.of(3L, 4L), ids(theirs.toString()));
    assertEquals(List.of(3L, 4L), ourIds(theirs));
    assertEquals(List.of(3L, 4L), ourIds(ours));
  }

  /**
   * The newest {@code n} commits of both tables record the same operations, parameters, metrics.
   */
  private static void assertHistoryEquals(Path ours, Path theirs, int n) {
    List<HistoryEntry> a = SparkUtilities.history(ours.toString(), n);
    List<HistoryEntry> b = SparkUtilities.history(theirs.toString(), n);
    assertEquals(
        List.of("VACUUM END", "VACUUM START"), a.stream().map(HistoryEntry::operation).toList());
    for (int i = 0; i < n; i++) {
      assertEquals(b.get(i).operation(), a.get(i).operation());
      assertEquals(b.get(i).operationParameters(), a.get(i).operationParameters());
      assertEquals(b.get(i).operationMetrics(), a.get(i).operationMetrics(), a.get(i).operation());
      assertEquals(b.get(i).isBlindAppend(), a.get(i).isBlindAppend());
      assertEquals(b.get(i).readVersion(), a.get(i).readVersion());
      assertEquals(SparkUtilities.userVisible(b.get(i)), SparkUtilities.userVisible(a.get(i)));
    }
  }

  @Test
  void aRetentionBelowTheTablesIsRefusedLikeDeltaSparkAndChangesNothing() throws Exception {
    Path t = dir.resolve("short");
    sql("CREATE TABLE delta.`" + t + "` (id BIGINT) USING delta");
    sql("INSERT INTO delta.`" + t + "` VALUES (1)");
    sql("DELETE FROM delta.`" + t + "` WHERE id = 1");
    DeltaTable table = DeltaTable.forPath(t.toString(), DeltaTable.defaultConfiguration());
    TreeSet<String> files = tree(t);
    long version = table.latestSnapshot().version();

    DeltaException e =
        assertThrows(DeltaException.class, () -> table.vacuum(VacuumRequest.defaults().retain(1)));
    assertEquals(ErrorCode.RETENTION_TOO_SHORT, e.code());
    assertTrue(e.getMessage().contains("such a low retention period"), e.getMessage());
    assertTrue(e.getMessage().contains("\"168 hours\""), e.getMessage());
    assertTrue(e.getMessage().contains(t.toString()), e.getMessage());
    Exception spark =
        assertThrows(
            IllegalArgumentException.class, () -> sql("VACUUM delta.`" + t + "` RETAIN 1 HOURS"));
    assertTrue(spark.getMessage().contains("\"168 hours\""), spark.getMessage());

    DeltaException negative =
        assertThrows(DeltaException.class, () -> table.vacuum(VacuumRequest.defaults().retain(-1)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, negative.code());
    assertEquals(files, tree(t));
    assertEquals(version, DeltaTable.forPath(t.toString()).latestSnapshot().version());
  }

  @Test
  void aTableWeWroteIsVacuumedAndDeltaSparkReadsIt() throws Exception {
    Path t = dir.resolve("ourtable");
    io.deltajdbc.engine.txn.TableSpec spec =
        io.deltajdbc.engine.txn.TableSpec.of(
            io.deltajdbc.engine.types.StructType.of(
                new io.deltajdbc.engine.types.StructField(
                    "id", io.deltajdbc.engine.types.PrimitiveType.LONG, false)));
    DeltaTable table = DeltaTable.create(t.toString(), DeltaTable.defaultConfiguration(), spec);
    var txn = table.startTransaction();
    txn.write(List.of(io.deltajdbc.engine.data.Row.of(1L)).iterator());
    txn.commit(io.deltajdbc.engine.txn.Operation.append());
    var del = table.startTransaction();
    var file = del.readSnapshot().files().iterator().next();
    del.readFiles(List.of(file));
    del.remove(List.of(file));
    del.commit(io.deltajdbc.engine.txn.Operation.of("DELETE", Map.of("predicate", "[]")));
    var add = table.startTransaction();
    add.write(List.of(io.deltajdbc.engine.data.Row.of(2L)).iterator());
    add.commit(io.deltajdbc.engine.txn.Operation.append());
    Thread.sleep(5);

    Configuration conf = DeltaTable.defaultConfiguration();
    conf.set(EngineConfig.VACUUM_RETENTION_CHECK, "false");
    VacuumResult r =
        DeltaTable.forPath(t.toString(), conf).vacuum(VacuumRequest.defaults().retain(0));
    assertEquals(1, r.numDeletedFiles(), r.toString());
    assertEquals(List.of(file.path()), relative(t, r.paths()).stream().toList());
    assertFalse(Files.exists(t.resolve(file.path())));
    assertEquals(List.of(2L), ids(t.toString()));
    List<HistoryEntry> h = table.history(2);
    assertEquals("VACUUM END", h.get(0).operation());
    assertEquals(Map.of("status", "COMPLETED"), h.get(0).operationParameters());
    assertEquals(
        Map.of(
            "retentionCheckEnabled", "false",
            "defaultRetentionMillis", "604800000",
            "specifiedRetentionMillis", "0"),
        h.get(1).operationParameters());
    assertEquals(SparkUtilities.history(t.toString(), 2), h);
  }

  @Test
  void vacuumNeverFollowsASymbolicLinkOutOfTheTable() throws Exception {
    Path t = dir.resolve("linked");
    io.deltajdbc.engine.types.StructType schema =
        io.deltajdbc.engine.types.StructType.of(
            new io.deltajdbc.engine.types.StructField(
                "id", io.deltajdbc.engine.types.PrimitiveType.LONG, false));
    DeltaTable table =
        DeltaTable.create(
            t.toString(),
            DeltaTable.defaultConfiguration(),
            io.deltajdbc.engine.txn.TableSpec.of(schema));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path precious = Files.writeString(outside.resolve("precious.parquet"), "not the table's");
    Files.setLastModifiedTime(
        precious, FileTime.fromMillis(System.currentTimeMillis() - TWO_HOURS));
    Files.createSymbolicLink(t.resolve("link"), outside);
    Path stray = Files.writeString(t.resolve("stray.parquet"), "untracked");
    Files.setLastModifiedTime(stray, FileTime.fromMillis(System.currentTimeMillis() - TWO_HOURS));

    Configuration conf = DeltaTable.defaultConfiguration();
    conf.set(EngineConfig.VACUUM_RETENTION_CHECK, "false");
    VacuumResult r =
        DeltaTable.forPath(t.toString(), conf).vacuum(VacuumRequest.defaults().retain(0));
    assertEquals(List.of("stray.parquet"), relative(t, r.paths()).stream().toList());
    assertTrue(Files.exists(precious));
    assertTrue(Files.isSymbolicLink(t.resolve("link")));
    assertFalse(Files.exists(stray));
    assertEquals(0, table.latestSnapshot().files().size());
  }
}
