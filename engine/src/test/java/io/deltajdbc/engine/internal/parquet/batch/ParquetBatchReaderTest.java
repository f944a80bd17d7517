package io.deltajdbc.engine.internal.parquet.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by parquet-hadoop (v1 and v2 pages, with and without dictionaries, many pages and
 * row groups, nulls at random, every physical form) read equal through the batch reader and the
 * record reader, with deleted rows, widened types, missing columns and field-id matching.
 */
class ParquetBatchReaderTest {
  static final MessageType FILE =
      MessageTypeParser.parseMessageType(
          """
      message m {
        required int64 id = 1;
        optional boolean bo = 2;
        optional int32 i8 (INTEGER(8,true)) = 3;
        optional int32 i16 (INTEGER(16,true)) = 4;
        optional int32 i32 = 5;
        optional int64 i64 = 6;
        optional float f = 7;
        optional double d = 8;
        optional int32 date (DATE) = 9;
        optional int96 ts96 = 10;
        optional int64 tsmillis (TIMESTAMP(MILLIS,true)) = 11;
        optional int64 tsmicros (TIMESTAMP(MICROS,true)) = 12;
        optional int64 tsnanos (TIMESTAMP(NANOS,false)) = 13;
        optional int32 dec32 (DECIMAL(9,2)) = 14;
        optional int64 dec64 (DECIMAL(18,3)) = 15;
        optional fixed_len_byte_array(16) decfix (DECIMAL(30,4)) = 16;
        optional binary decbin (DECIMAL(12,2)) = 17;
        optional fixed_len_byte_array(5) decfix5 (DECIMAL(10,1)) = 18;
        optional binary str (STRING) = 19;
        optional binary bin = 20;
      }""");

  static final StructType SCHEMA =
      StructType.of(
          f("id", PrimitiveType.LONG),
          f("bo", PrimitiveType.BOOLEAN),
          f("i8", PrimitiveType.BYTE),
          f("i16", PrimitiveType.SHORT),
          f("i32", PrimitiveType.INTEGER),
          f("i64", PrimitiveType.LONG),
          f("f", PrimitiveType.FLOAT),
          f("d", PrimitiveType.DOUBLE),
          f("date", PrimitiveType.DATE),
          f("ts96", PrimitiveType.TIMESTAMP),
          f("tsmillis", PrimitiveType.TIMESTAMP),
          f("tsmicros", PrimitiveType.TIMESTAMP),
          f("tsnanos", PrimitiveType.TIMESTAMP_NTZ),
          f("dec32", new DecimalType(9, 2)),
          f("dec64", new DecimalType(18, 3)),
          f("decfix", new DecimalType(30, 4)),
          f("decbin", new DecimalType(12, 2)),
          f("decfix5", new DecimalType(10, 1)),
          f("str", PrimitiveType.STRING),
          f("bin", PrimitiveType.BINARY));

  @TempDir java.nio.file.Path dir;

  static StructField f(String name, DataType type) {
    return new StructField(name, type, true);
  }

  static Path write(
      java.nio.file.Path dir,
      String name,
      int rows,
      WriterVersion version,
      boolean dictionary,
      boolean byteStreamSplit,
      long seed)
      throws Exception {
    Path file = new Path(dir.resolve(name).toUri());
    Random r = new Random(seed);
    SimpleGroupFactory groups = new SimpleGroupFactory(FILE);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(file)
            .withType(FILE)
            .withConf(new Configuration())
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withWriterVersion(version)
            .withDictionaryEncoding(dictionary)
            .withByteStreamSplitEncoding(byteStreamSplit)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withPageSize(1024)
            .withDictionaryPageSize(2048)
            .withRowGroupSize(64 * 1024L)
            .withPageRowCountLimit(300)
            .build()) {
      for (int i = 0; i < rows; i++) {
        Group g = groups.newGroup();
        g.add("id", (long) i);
        int small = r.nextInt(50) - 25; // few distinct values: dictionaries
        boolean wide = r.nextInt(4) == 0; // some distinct values: plain fallbacks
        long v = wide ? r.nextLong() : small;
        if (maybe(r)) g.add("bo", r.nextBoolean());
        if (maybe(r)) g.add("i8", (int) (byte) v);
        if (maybe(r)) g.add("i16", (int) (short) v);
        if (maybe(r)) g.add("i32", (int) v);
        if (maybe(r)) g.add("i64", v);
        if (maybe(r)) g.add("f", (float) v / 3f);
        if (maybe(r)) g.add("d", (double) v / 7d);
        if (maybe(r)) g.add("date", (int) (v % 200_000));
        // vectors hold microseconds (LongVector): sub-microsecond nanos are not compared
        if (maybe(r))
          g.add(
              "ts96",
              int96(r.nextInt(100_000) + 2_400_000, Math.floorMod(v, 86_400_000_000L) * 1000));
        if (maybe(r)) g.add("tsmillis", v % 100_000_000_000_000L);
        if (maybe(r)) g.add("tsmicros", v % 100_000_000_000_000_000L);
        if (maybe(r)) g.add("tsnanos", (v % 1_000_000_000_000_000L) * 1000);
        if (maybe(r)) g.add("dec32", (int) (v % 1_000_000_000L));
        if (maybe(r)) g.add("dec64", v % 1_000_000_000_000_000_000L);
        if (maybe(r))
          g.add(
              "decfix",
              Binary.fromConstantByteArray(bigEndian(BigInteger.valueOf(v).pow(2).negate(), 16)));
        if (maybe(r))
          g.add(
              "decbin",
              Binary.fromConstantByteArray(
                  BigInteger.valueOf(v % 1_000_000_000_000L).toByteArray()));
        if (maybe(r))
          g.add(
              "decfix5",
              Binary.fromConstantByteArray(bigEndian(BigInteger.valueOf(v % 1_000_000_000L), 5)));
        if (maybe(r)) g.add("str", wide ? "s" + v + "é" : "k" + small);
        if (maybe(r))
          g.add(
              "bin", Binary.fromConstantByteArray(("b" + small).getBytes(StandardCharsets.UTF_8)));
        w.write(g);
      }
    }
    return file;
  }

  private static boolean maybe(Random r) {
    return r.nextInt(10) != 0;
  }

  private static Binary int96(int julianDay, long nanosOfDay) {
    return Binary.fromConstantByteArray(
        ByteBuffer.allocate(12)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putLong(nanosOfDay)
            .putInt(julianDay)
            .array());
  }

  /**
   * {@code v} as a two's-complement big-endian number of {@code width} bytes (Parquet's FIXED
   * decimals).
   */
  static byte[] bigEndian(BigInteger v, int width) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[width];
    byte pad = (byte) (v.signum() < 0 ? -1 : 0);
    for (int i = 0; i < width; i++) {
      int k = i - (width - raw.length);
      out[i] = k < 0 ? pad : raw[k];
    }
    return out;
  }

  private static ParquetReadOptions byName() {
    return new ParquetReadOptions(ColumnMatching.BY_NAME, null, "t");
  }

  private void everyForm(WriterVersion version, boolean dictionary, boolean bss) throws Exception {
    Path file = write(dir, "data.parquet", 5000, version, dictionary, bss, 42);
    for (int batchSize : new int[] {1, 97, 1024}) {
      assertEquals(
          5000,
          BatchReaderTestSupport.compare(file, SCHEMA, byName(), batchSize),
          "rows (-1: refused)");
    }
  }

  @Test
  void v1PlainPagesReadAsTheRecordReaderReadsThem() throws Exception {
    everyForm(WriterVersion.PARQUET_1_0, false, false);
    assertNotNull(
        BatchReaderTestSupport.batchReader(
            write(dir, "p.parquet", 100, WriterVersion.PARQUET_1_0, false, false, 1),
            SCHEMA,
            byName(),
            10),
        "v1 PLAIN files are read by the batch reader");
  }

  @Test
  void v1DictionaryPagesReadAsTheRecordReaderReadsThem() throws Exception {
    everyForm(WriterVersion.PARQUET_1_0, true, false);
    assertNotNull(
        BatchReaderTestSupport.batchReader(
            write(dir, "p.parquet", 100, WriterVersion.PARQUET_1_0, true, false, 1),
            SCHEMA,
            byName(),
            10),
        "v1 dictionary files are read by the batch reader");
  }

  @Test
  void v2PagesAndByteStreamSplitReadAsTheRecordReaderReadsThem() throws Exception {
    everyForm(WriterVersion.PARQUET_2_0, true, false);
    everyForm(WriterVersion.PARQUET_2_0, false, false);
    everyForm(WriterVersion.PARQUET_1_0, false, true);
  }

  @Test
  void v2BooleansAsRle() throws Exception {
    Path file = write(dir, "b.parquet", 3000, WriterVersion.PARQUET_2_0, false, false, 3);
    StructType bools =
        StructType.of(
            f("id", PrimitiveType.LONG),
            f("bo", PrimitiveType.BOOLEAN),
            f("str", PrimitiveType.STRING),
            f("i8", PrimitiveType.BYTE));
    StructType onlyBool = StructType.of(f("bo", PrimitiveType.BOOLEAN));
    assertEquals(3000, BatchReaderTestSupport.compare(file, onlyBool, byName(), 128));
    // beside DELTA_BINARY_PACKED (id, i8) and DELTA_BYTE_ARRAY (str) columns
    assertEquals(3000, BatchReaderTestSupport.compare(file, bools, byName(), 128));
  }

  @Test
  void deletedRowsWidenedTypesMissingColumnsAndFieldIds() throws Exception {
    Path file = write(dir, "w.parquet", 4000, WriterVersion.PARQUET_1_0, true, false, 7);
    StructType widened =
        StructType.of(
            f("i32", PrimitiveType.LONG),
            f("i16", PrimitiveType.DOUBLE),
            f("f", PrimitiveType.DOUBLE),
            f("date", PrimitiveType.TIMESTAMP_NTZ),
            f("dec32", new DecimalType(14, 5)),
            f("dec64", new DecimalType(30, 6)),
            f("i64", new DecimalType(25, 2)),
            f("i8", new DecimalType(5, 0)),
            f("added_later", PrimitiveType.STRING),
            f("added_int", PrimitiveType.INTEGER),
            f("none", PrimitiveType.VOID));
    ParquetReadOptions deleted =
        new ParquetReadOptions(ColumnMatching.BY_NAME, i -> i % 7 == 3 || i / 500 == 2, "t");
    assertEquals(
        live(4000, i -> i % 7 == 3 || i / 500 == 2),
        BatchReaderTestSupport.compare(file, widened, deleted, 256));

    List<StructField> mapped = new ArrayList<>();
    for (int i = 0; i < SCHEMA.size(); i++) {
      StructField s = SCHEMA.fields().get(i);
      mapped.add(
          new StructField(
              "logical_" + s.name(),
              s.type(),
              true,
              new StructField.FieldMetadata(
                  Map.of(
                      StructField.COLUMN_MAPPING_ID_KEY,
                      (long) (i + 1),
                      StructField.COLUMN_MAPPING_PHYSICAL_NAME_KEY,
                      "col-" + i))));
    }
    StructType byId = new StructType(mapped);
    ParquetReadOptions ids =
        new ParquetReadOptions(ColumnMatching.BY_FIELD_ID, i -> i % 3 == 0, "t");
    int rows = BatchReaderTestSupport.compare(file, byId, ids, 300);
    assertEquals(live(4000, i -> i % 3 == 0), rows);
    List<List<Object>> batch = BatchReaderTestSupport.batchReader(file, byId, ids, 300);
    assertTrue(batch.stream().anyMatch(r -> r.get(19) != null), "field ids found the columns");
  }

  private static int live(int rows, java.util.function.LongPredicate deleted) {
    int c = 0;
    for (int i = 0; i < rows; i++) {
      c += deleted.test(i) ? 0 : 1;
    }
    return c;
  }

  @Test
  void aTypeItCannotReadFailsLikeTheRecordReader() throws Exception {
    Path file = write(dir, "x.parquet", 10, WriterVersion.PARQUET_1_0, true, false, 1);
    StructType wrong = StructType.of(f("str", PrimitiveType.LONG));
    DeltaException e =
        assertThrows(
            DeltaException.class,
            () -> ParquetBatchReader.open(new Configuration(), file, -1, wrong, byName(), 10));
    assertTrue(
        e.getMessage().contains("'str'") && e.getMessage().contains("x.parquet"), e.getMessage());
  }

  @Test
  void supportsFlatSchemasOnly() {
    assertTrue(ParquetBatchReader.supports(SCHEMA));
    assertFalse(
        ParquetBatchReader.supports(
            StructType.of(f("a", new ArrayType(PrimitiveType.LONG, true)))));
    assertFalse(
        ParquetBatchReader.supports(
            StructType.of(f("s", StructType.of(f("x", PrimitiveType.LONG))))));
    assertFalse(ParquetBatchReader.supports(StructType.of(f("v", PrimitiveType.VARIANT))));
  }
}
