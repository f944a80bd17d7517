package io.deltajdbc.engine.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.Scan;
import io.deltajdbc.engine.ScanSplit;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.files.RoaringBitmapArray;
import io.deltajdbc.engine.internal.dv.DeletionVectorFileWriter;
import io.deltajdbc.engine.internal.parquet.FileRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file larger than {@link EngineConfig#SCAN_SPLIT_BYTES} with several row groups is several
 * splits: together, in order, exactly the rows of {@link Scan#rows()} (the record reader, whole
 * files), with the file's deletion vector applied by position in the later row groups too, with and
 * without a filter. The table is written by hand: two files by parquet-hadoop (v2 and v1 pages,
 * small row groups), one of them with a deletion vector, and a log naming them.
 */
class RowGroupSplitsScanTest {
  private static final int ROWS = 30_000;
  private static final MessageType FILE =
      MessageTypeParser.parseMessageType(
          "message m { required int64 id; optional binary s (STRING); optional int64 v; optional double d; }");

  /**
   * Deleted rows of the first file: spread out, a whole stretch in a late row group, and the last
   * row.
   */
  private static final LongPredicate DELETED =
      i -> i % 7 == 3 || (i >= 20_000 && i < 21_000) || i == ROWS - 1;

  @TempDir static Path dir;
  private static String table;

  @BeforeAll
  static void writeTable() throws Exception {
    Path root = Files.createDirectories(dir.resolve("t"));
    table = root.toString();
    long sizeA = write(root.resolve("a.parquet"), 0, WriterVersion.PARQUET_2_0, 1);
    long sizeB = write(root.resolve("b.parquet"), ROWS, WriterVersion.PARQUET_1_0, 2);
    RoaringBitmapArray deleted = RoaringBitmapArray.of();
    for (long i = 0; i < ROWS; i++) {
      if (DELETED.test(i)) {
        deleted.add(i);
      }
    }
    DeletionVectorDescriptor dv;
    try (DeletionVectorFileWriter w =
        DeletionVectorFileWriter.create(
            new Configuration(), new org.apache.hadoop.fs.Path(root.toUri()), table)) {
      dv = w.write(deleted);
    }
    ObjectMapper json = new ObjectMapper();
    String schema =
        "{\"type\":\"struct\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"long\",\"nullable\":false,\"metadata\":{}},"
            + "{\"name\":\"s\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"v\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"d\",\"type\":\"double\",\"nullable\":true,\"metadata\":{}}]}";
    List<String> log = new ArrayList<>();
    log.add(
        json.writeValueAsString(
            Map.of(
                "protocol",
                Map.of(
                    "minReaderVersion",
                    3,
                    "minWriterVersion",
                    7,
                    "readerFeatures",
                    List.of("deletionVectors"),
                    "writerFeatures",
                    List.of("deletionVectors")))));
    log.add(
        json.writeValueAsString(
            Map.of(
                "metaData",
                Map.of(
                    "id",
                    "00000000-0000-0000-0000-000000000001",
                    "format",
                    Map.of("provider", "parquet", "options", Map.of()),
                    "schemaString",
                    schema,
                    "partitionColumns",
                    List.of(),
                    "configuration",
                    Map.of("delta.enableDeletionVectors", "true"),
                    "createdTime",
                    1L))));
    Map<String, Object> dvJson = new LinkedHashMap<>();
    dvJson.put("storageType", dv.storageType());
    dvJson.put("pathOrInlineDv", dv.pathOrInlineDv());
    dvJson.put("offset", dv.offset());
    dvJson.put("sizeInBytes", dv.sizeInBytes());
    dvJson.put("cardinality", dv.cardinality());
    log.add(json.writeValueAsString(Map.of("add", add("a.parquet", sizeA, dvJson))));
    log.add(json.writeValueAsString(Map.of("add", add("b.parquet", sizeB, null))));
    Path logDir = Files.createDirectories(root.resolve("_delta_log"));
    Files.write(logDir.resolve("00000000000000000000.json"), log);
  }

  private static Map<String, Object> add(String path, long size, Map<String, Object> dv) {
    Map<String, Object> add = new LinkedHashMap<>();
    add.put("path", path);
    add.put("partitionValues", Map.of());
    add.put("size", size);
    add.put("modificationTime", 1L);
    add.put("dataChange", true);
    add.put("stats", "{\"numRecords\":" + ROWS + "}");
    if (dv != null) {
      add.put("deletionVector", dv);
    }
    return add;
  }

  /**
   * Rows {@code first ..} in row groups of about 24 KB; s and v random from {@code seed}, some
   * NULL.
   */
  private static long write(Path file, long first, WriterVersion version, long seed)
      throws Exception {
    Random r = new Random(seed);
    SimpleGroupFactory groups = new SimpleGroupFactory(FILE);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
            .withType(FILE)
            .withConf(new Configuration())
            .withWriterVersion(version)
            .withDictionaryEncoding(seed % 2 == 0)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(24 * 1024L)
            .withPageSize(2048)
            .build()) {
      for (long i = first; i < first + ROWS; i++) {
        Group g = groups.newGroup();
        g.add("id", i);
        if (r.nextInt(9) != 0) {
          g.add("s", "s" + r.nextInt(1000));
        }
        if (r.nextInt(9) != 0) {
          g.add("v", r.nextLong());
        }
        g.add("d", i / 3.0);
        w.write(g);
      }
    }
    return Files.size(file);
  }

  private static DeltaTable open(String splitBytes, boolean columnar) {
    Configuration conf = DeltaTable.defaultConfiguration();
    if (splitBytes != null) {
      conf.set(EngineConfig.SCAN_SPLIT_BYTES, splitBytes);
    }
    conf.set(EngineConfig.SCAN_COLUMNAR, Boolean.toString(columnar));
    return DeltaTable.forPath(table, conf);
  }

  private static List<Row> drain(CloseableIterator<Row> it) {
    List<Row> out = new ArrayList<>();
    try (it) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }

  private static Scan scan(DeltaTable t, Predicate filter) {
    var b = t.latestSnapshot().scanBuilder();
    return filter == null ? b.build() : b.withFilter(filter).build();
  }

  private static int rowGroups(String file) throws Exception {
    try (ParquetFileReader r =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(Path.of(table, file).toUri()),
                new Configuration()))) {
      return r.getRowGroups().size();
    }
  }

  /** The splits' rows one after the other equal the scan's rows; returns the splits. */
  private static List<ScanSplit> checkSplits(Scan scan) {
    List<Row> expected = drain(scan.rows());
    List<ScanSplit> splits = scan.splits();
    List<Row> got = new ArrayList<>();
    for (ScanSplit s : splits) {
      got.addAll(drain(s.rows()));
    }
    assertEquals(expected.size(), got.size(), "rows of " + splits.size() + " splits");
    assertEquals(expected, got);
    return splits;
  }

  @Test
  void aLargeFileIsSeveralSplitsOfWholeRowGroupsThatTogetherReadAsTheScan() throws Exception {
    assertTrue(
        rowGroups("a.parquet") >= 6 && rowGroups("b.parquet") >= 6,
        "row groups: " + rowGroups("a.parquet"));
    Scan scan = scan(open("40000", true), null);
    List<ScanSplit> splits = checkSplits(scan);
    Map<String, List<ScanSplit>> byFile = new LinkedHashMap<>();
    splits.forEach(s -> byFile.computeIfAbsent(s.file().path(), k -> new ArrayList<>()).add(s));
    assertEquals(
        List.of("a.parquet", "b.parquet"),
        List.copyOf(byFile.keySet()),
        "files in order, splits together");
    for (List<ScanSplit> parts : byFile.values()) {
      assertTrue(
          parts.size() >= 3 && parts.size() < rowGroups("a.parquet") * 2, parts.size() + " splits");
      assertEquals(
          ROWS, parts.stream().mapToLong(ScanSplit::estimatedRows).sum(), "row groups' rows");
      long previousEnd = 0;
      for (ScanSplit s : parts) {
        FileRange range = ((FileSplit) s).range();
        assertEquals(previousEnd, range.start(), "ranges cut the file without gaps");
        previousEnd = range.end();
        assertEquals("columnar", s.reader());
      }
      assertEquals(Long.MAX_VALUE, previousEnd);
    }
    // the deletion vector by position: every live row of the first file once, in order
    List<Long> ids = new ArrayList<>();
    for (ScanSplit s : byFile.get("a.parquet")) {
      drain(s.rows()).forEach(r -> ids.add((Long) r.get(0)));
    }
    List<Long> live = new ArrayList<>();
    for (long i = 0; i < ROWS; i++) {
      if (!DELETED.test(i)) {
        live.add(i);
      }
    }
    assertEquals(live, ids);
  }

  @Test
  void filteredScansOfSplitFiles() {
    DeltaTable t = open("40000", true);
    Column id = Column.of("id");
    Predicate ranges =
        Predicates.or(
            Predicates.and(
                Predicates.ge(id, Literal.of(19_990L)), Predicates.lt(id, Literal.of(21_010L))),
            Predicates.and(
                Predicates.ge(id, Literal.of(45_000L)), Predicates.lt(id, Literal.of(45_100L))));
    List<ScanSplit> splits = checkSplits(scan(t, ranges));
    assertTrue(splits.size() > 2);
    List<Row> rows = drain(scan(t, ranges).rows());
    long live = 100; // of the second file
    for (long i = 19_990; i < 21_010; i++) {
      live += DELETED.test(i) ? 0 : 1;
    }
    assertEquals(live, rows.size(), "live matching rows");
    checkSplits(scan(t, Predicates.gt(Column.of("v"), Literal.of(0L))));
  }

  @Test
  void smallFilesAndRecordReadFilesStayOneSplitEach() {
    assertEquals(2, checkSplits(scan(open(null, true), null)).size(), "files under 64 MiB");
    List<ScanSplit> record = checkSplits(scan(open("40000", false), null));
    assertEquals(2, record.size(), "the record reader reads whole files");
    assertEquals("record", record.get(0).reader());
  }
}
