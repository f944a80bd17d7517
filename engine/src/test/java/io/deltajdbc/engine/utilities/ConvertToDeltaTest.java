package io.deltajdbc.engine.utilities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONVERT TO DELTA: ours and delta-spark's on two copies of one Parquet folder give the same table
 * (files, partition values, statistics' row counts, schema, rows, details and the CONVERT commit);
 * each reads the other's; folders it cannot convert are refused and left as they were.
 */
class ConvertToDeltaTest {
  private static final List<StructField> BY_PART =
      List.of(new StructField("part", PrimitiveType.STRING, true));

  @TempDir Path dir;

  private static List<Row> sql(String sql) {
    return SparkOracle.spark().sql(sql).collectAsList();
  }

  /** A partitioned Parquet folder written by Spark (with its _SUCCESS and .crc files). */
  private Path parquetFolder(String name) {
    Path p = dir.resolve(name);
    SparkOracle.spark()
        .sql(
            "SELECT id, CAST(id * 10 AS STRING) AS name, "
                + "CASE WHEN id % 2 = 0 THEN 'even' WHEN id = 5 THEN NULL ELSE 'odd one' END AS part "
                + "FROM range(7)")
        .repartition(2)
        .write()
        .partitionBy("part")
        .parquet(p.toString());
    return p;
  }

  private Path copy(Path source, String name) throws IOException {
    return SparkUtilities.copy(source, dir.resolve(name));
  }

  /** The rows delta-spark reads, columns in name order (a merged schema's order is the files'). */
  private static List<String> sparkRows(Path t) {
    var df = SparkOracle.spark().read().format("delta").load(t.toString());
    String[] names = df.columns().clone();
    java.util.Arrays.sort(names);
    return df.selectExpr(names).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static List<String> ourRows(Path t) {
    List<String> out = new ArrayList<>();
    try (var rows =
        DeltaTable.forPath(t.toString()).latestSnapshot().scanBuilder().build().rows()) {
      rows.forEachRemaining(r -> out.add(r.toString()));
    }
    out.sort(null);
    return out;
  }

  /** Each add as path, partition values, size, modification time and row count. */
  private static Map<String, String> adds(Path t) {
    Map<String, String> out = new TreeMap<>();
    for (AddFile a : DeltaTable.forPath(t.toString()).latestSnapshot().files()) {
      out.put(
          a.path(),
          a.partitionValues()
              + " "
              + a.size()
              + " "
              + a.modificationTime()
              + " "
              + (a.stats() == null ? "no stats" : FileStats.parse(a.stats()).numRecords()));
    }
    return out;
  }

  /** The details a user compares: all but the ids, times and location of the two copies. */
  private static List<Object> detail(TableDetail d) {
    return List.of(
        d.format(),
        d.partitionColumns(),
        d.numFiles(),
        d.sizeInBytes(),
        d.properties(),
        d.minReaderVersion(),
        d.minWriterVersion(),
        d.tableFeatures());
  }

  private static void assertSameConvert(Path ours, Path theirs) {
    HistoryEntry a = SparkUtilities.history(ours.toString(), null).get(0);
    HistoryEntry b = SparkUtilities.history(theirs.toString(), null).get(0);
    assertEquals(0, a.version());
    assertEquals("CONVERT", a.operation());
    assertEquals(b.operation(), a.operation());
    assertEquals(b.operationParameters(), a.operationParameters());
    assertEquals(b.operationMetrics(), a.operationMetrics());
    assertEquals(b.isolationLevel(), a.isolationLevel());
    assertEquals(b.isBlindAppend(), a.isBlindAppend());
    assertEquals(SparkUtilities.userVisible(b), SparkUtilities.userVisible(a));
  }

  @Test
  void aPartitionedFolderConvertsAsDeltaSparkConvertsIt() throws Exception {
    Path source = parquetFolder("source");
    Path ours = copy(source, "ours");
    Path theirs = copy(source, "theirs");

    ConvertResult r =
        DeltaTable.convertToDelta(
            ours.toString(),
            DeltaTable.defaultConfiguration(),
            ConvertRequest.unpartitioned().partitionedBy(BY_PART));
    sql("CONVERT TO DELTA parquet.`" + theirs + "` PARTITIONED BY (part STRING)");
    assertFalse(r.alreadyDelta());
    assertEquals(0, r.version());
    assertEquals(adds(theirs), adds(ours));
    assertEquals(r.numConvertedFiles(), adds(ours).size());
    assertTrue(
        adds(ours).keySet().stream().anyMatch(p -> p.contains("part=odd%20one/")),
        adds(ours).toString());
    assertEquals(
        SparkOracle.spark().read().format("delta").load(theirs.toString()).schema(),
        SparkOracle.spark().read().format("delta").load(ours.toString()).schema());
    assertEquals(sparkRows(theirs), sparkRows(ours));
    assertEquals(7, sparkRows(ours).size());
    assertEquals(ourRows(theirs), ourRows(ours));
    assertEquals(
        detail(SparkUtilities.detail(theirs.toString())),
        detail(SparkUtilities.detail(ours.toString())));
    assertSameConvert(ours, theirs);

    // Converting again is a no-op on both sides.
    ConvertResult again =
        DeltaTable.convertToDelta(
            ours.toString(),
            DeltaTable.defaultConfiguration(),
            ConvertRequest.unpartitioned().partitionedBy(BY_PART));
    assertTrue(again.alreadyDelta());
    assertEquals(0, DeltaTable.forPath(ours.toString()).latestSnapshot().version());
  }

  @Test
  void noStatisticsAndMergedSchemasAreDeltaSparks() throws Exception {
    Path source = dir.resolve("merged");
    SparkOracle.spark()
        .sql("SELECT id, 'x' AS a FROM range(3)")
        .coalesce(1)
        .write()
        .parquet(source.resolve("one").toString());
    SparkOracle.spark()
        .sql("SELECT id, CAST(id AS DOUBLE) AS b FROM range(2)")
        .coalesce(1)
        .write()
        .parquet(source.resolve("two").toString());
    Path ours = copy(source, "ours-merged");
    Path theirs = copy(source, "theirs-merged");

    DeltaTable.convertToDelta(
        ours.toString(),
        DeltaTable.defaultConfiguration(),
        ConvertRequest.unpartitioned().withoutStatistics());
    sql("CONVERT TO DELTA parquet.`" + theirs + "` NO STATISTICS");
    assertEquals(adds(theirs), adds(ours));
    adds(ours).values().forEach(v -> assertTrue(v.endsWith("no stats"), v));
    // The same columns; their order is the order delta-spark happened to read the footers in.
    assertEquals(fields(theirs), fields(ours));
    assertEquals(sparkRows(theirs), sparkRows(ours));
    assertSameConvert(ours, theirs);
  }

  private static TreeMap<String, String> fields(Path t) {
    TreeMap<String, String> out = new TreeMap<>();
    for (var f : SparkOracle.spark().read().format("delta").load(t.toString()).schema().fields()) {
      out.put(f.name(), f.dataType().simpleString() + " " + f.nullable());
    }
    return out;
  }

  /** Every file below the folder, relative, with its size. */
  private static Map<String, Long> files(Path t) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(t)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        out.put(t.relativize(f).toString(), Files.size(f));
      }
    }
    return out;
  }

  private DeltaException refused(Path folder, ConvertRequest request) throws IOException {
    Map<String, Long> before = files(folder);
    DeltaException e =
        assertThrows(
            DeltaException.class,
            () ->
                DeltaTable.convertToDelta(
                    folder.toString(), DeltaTable.defaultConfiguration(), request));
    assertEquals(before, files(folder), "nothing written");
    assertFalse(Files.exists(folder.resolve("_delta_log")));
    assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
    return e;
  }

  @Test
  void foldersThatAreNotParquetTablesAreRefused() throws Exception {
    Path mixed = dir.resolve("mixed");
    SparkOracle.spark()
        .sql("SELECT id FROM range(2)")
        .coalesce(1)
        .write()
        .parquet(mixed.resolve("a").toString());
    SparkOracle.spark()
        .sql("SELECT CAST(id AS STRING) AS id FROM range(2)")
        .coalesce(1)
        .write()
        .parquet(mixed.resolve("b").toString());
    Path theirs = copy(mixed, "mixed-theirs");
    DeltaException e = refused(mixed, ConvertRequest.unpartitioned());
    assertEquals(ErrorCode.NOT_A_PARQUET_TABLE, e.code());
    assertTrue(e.getMessage().contains("does not merge"), e.getMessage());
    assertThrows(Exception.class, () -> sql("CONVERT TO DELTA parquet.`" + theirs + "`"));

    Path text = dir.resolve("text");
    Files.createDirectories(text);
    Files.writeString(text.resolve("data.csv"), "id\n1\n");
    DeltaException t = refused(text, ConvertRequest.unpartitioned());
    assertEquals(ErrorCode.NOT_A_PARQUET_TABLE, t.code());
    assertTrue(t.getMessage().contains("data.csv"), t.getMessage());

    Path empty = dir.resolve("empty");
    Files.createDirectories(empty.resolve("_hidden"));
    Files.writeString(empty.resolve("_SUCCESS"), "");
    assertEquals(
        ErrorCode.NOT_A_PARQUET_TABLE, refused(empty, ConvertRequest.unpartitioned()).code());

    Path partitioned = parquetFolder("typed");
    DeltaException cast =
        refused(
            partitioned,
            ConvertRequest.unpartitioned()
                .partitionedBy(List.of(new StructField("part", PrimitiveType.INTEGER, true))));
    assertEquals(ErrorCode.INVALID_CAST, cast.code());
    DeltaException undeclared = refused(partitioned, ConvertRequest.unpartitioned());
    assertEquals(ErrorCode.NOT_A_PARQUET_TABLE, undeclared.code());
    DeltaException wrongName =
        refused(
            partitioned,
            ConvertRequest.unpartitioned()
                .partitionedBy(List.of(new StructField("other", PrimitiveType.STRING, true))));
    assertEquals(ErrorCode.NOT_A_PARQUET_TABLE, wrongName.code());
  }
}
