package io.deltajdbc.engine.internal.parquet.batch;

import static io.deltajdbc.engine.internal.parquet.batch.ParquetBatchReaderTest.f;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructType;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesWriter;
import org.apache.parquet.column.values.deltalengthbytearray.DeltaLengthByteArrayValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT
 * encodings, on v1 and v2 pages, many small pages, with NULLs and the hard values (Long.MIN/MAX
 * next to each other, long runs of one value, empty strings, long shared prefixes, random data from
 * fixed seeds): the batch reader decodes them (it does not refuse the file) and its values equal
 * the record reader's. Where parquet-hadoop 1.13 cannot read an encoding back (BYTE_STREAM_SPLIT of
 * integers and fixed-length arrays), the oracle is the record reader over a PLAIN twin of the file,
 * written from the same values.
 */
class ParquetEncodingsTest {
  static final MessageType FILE =
      MessageTypeParser.parseMessageType(
          """
      message e {
        required int64 id;
        optional int32 i32;
        optional int64 i64;
        optional int32 i16 (INTEGER(16,true));
        optional int32 date (DATE);
        optional int64 ts (TIMESTAMP(MICROS,true));
        optional int64 tsmillis (TIMESTAMP(MILLIS,false));
        optional int64 dec (DECIMAL(18,4));
        optional int32 dec9 (DECIMAL(9,2));
        optional binary s (STRING);
        optional binary b;
        optional binary decbin (DECIMAL(16,2));
        optional fixed_len_byte_array(9) fdec (DECIMAL(20,3));
        optional fixed_len_byte_array(8) fdec8 (DECIMAL(18,2));
        optional fixed_len_byte_array(3) fbin;
        optional float f;
        optional double d;
      }""");

  static final StructType SCHEMA =
      StructType.of(
          f("id", PrimitiveType.LONG),
          f("i32", PrimitiveType.INTEGER),
          f("i64", PrimitiveType.LONG),
          f("i16", PrimitiveType.SHORT),
          f("date", PrimitiveType.DATE),
          f("ts", PrimitiveType.TIMESTAMP),
          f("tsmillis", PrimitiveType.TIMESTAMP_NTZ),
          f("dec", new DecimalType(18, 4)),
          f("dec9", new DecimalType(9, 2)),
          f("s", PrimitiveType.STRING),
          f("b", PrimitiveType.BINARY),
          f("decbin", new DecimalType(16, 2)),
          f("fdec", new DecimalType(20, 3)),
          f("fdec8", new DecimalType(18, 2)),
          f("fbin", PrimitiveType.BINARY),
          f("f", PrimitiveType.FLOAT),
          f("d", PrimitiveType.DOUBLE));

  /** Widened reads of the same columns: integers as long, double and decimal; float as double. */
  static final StructType WIDENED =
      StructType.of(
          f("i32", PrimitiveType.LONG),
          f("i16", PrimitiveType.DOUBLE),
          f("i64", new DecimalType(25, 0)),
          f("dec9", new DecimalType(20, 4)),
          f("dec", new DecimalType(18, 4)),
          f("date", PrimitiveType.TIMESTAMP_NTZ),
          f("f", PrimitiveType.DOUBLE),
          f("ts", PrimitiveType.DOUBLE));

  @TempDir java.nio.file.Path dir;

  /** Values whose kind changes every few hundred rows, so blocks see every kind of delta. */
  static Path write(
      java.nio.file.Path dir,
      String name,
      int rows,
      WriterVersion version,
      boolean byteStreamSplit,
      ValuesWriterFactory factory,
      long seed)
      throws Exception {
    Path file = new Path(dir.resolve(name).toUri());
    Random r = new Random(seed);
    SimpleGroupFactory groups = new SimpleGroupFactory(FILE);
    ExampleParquetWriter.Builder builder =
        ExampleParquetWriter.builder(file)
            .withType(FILE)
            .withConf(new Configuration())
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withWriterVersion(version)
            .withDictionaryEncoding(false)
            .withByteStreamSplitEncoding(byteStreamSplit)
            .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
            .withPageSize(2048)
            .withPageRowCountLimit(700)
            .withRowGroupSize(256 * 1024L);
    if (factory != null) {
      // parquet-hadoop's builder has no setter for the values writers; its properties builder does
      Field props = ParquetWriter.Builder.class.getDeclaredField("encodingPropsBuilder");
      props.setAccessible(true);
      ((ParquetProperties.Builder) props.get(builder)).withValuesWriterFactory(factory);
    }
    String shared = "a-rather-long-prefix-shared-by-many-values/".repeat(6);
    try (ParquetWriter<Group> w = builder.build()) {
      long run = 0;
      for (int i = 0; i < rows; i++) {
        Group g = groups.newGroup();
        g.add("id", (long) i);
        int mode = (i / 333) % 6;
        long v =
            switch (mode) {
              case 0 -> r.nextLong();
              case 1 -> run += r.nextInt(5);
              case 2 -> 42;
              case 3 -> (i & 1) == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
              case 4 -> r.nextInt(2001) - 1000;
              default ->
                  (i & 1) == 0 ? Long.MIN_VALUE + r.nextInt(3) : r.nextLong() >>> r.nextInt(64);
            };
        int v32 = mode == 3 ? ((i & 1) == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE) : (int) v;
        if (some(r)) g.add("i32", v32);
        if (some(r)) g.add("i64", v);
        if (some(r)) g.add("i16", (int) (short) v);
        if (some(r)) g.add("date", (int) (v % 3_000_000));
        if (some(r)) g.add("ts", v);
        if (some(r)) g.add("tsmillis", v % 9_000_000_000_000_000L / 1000);
        if (some(r)) g.add("dec", v % 1_000_000_000_000_000_000L);
        if (some(r)) g.add("dec9", v32 % 1_000_000_000);
        if (some(r))
          g.add(
              "s",
              switch (mode) {
                case 0 -> random(r, r.nextInt(30));
                case 1 -> shared + i;
                case 2 -> "";
                case 3 -> (i & 1) == 0 ? "" : shared;
                case 4 -> shared.substring(0, r.nextInt(shared.length())) + "é" + r.nextInt(10);
                default -> "same";
              });
        if (some(r))
          g.add("b", Binary.fromConstantByteArray(bytes(r, mode == 2 ? 0 : r.nextInt(12))));
        if (some(r))
          g.add(
              "decbin",
              Binary.fromConstantByteArray(
                  BigInteger.valueOf(v % 10_000_000_000_000_000L).toByteArray()));
        if (some(r))
          g.add(
              "fdec",
              Binary.fromConstantByteArray(
                  ParquetBatchReaderTest.bigEndian(
                      BigInteger.valueOf(v).multiply(BigInteger.valueOf(mode == 3 ? 99 : 7)), 9)));
        if (some(r))
          g.add(
              "fdec8",
              Binary.fromConstantByteArray(
                  ParquetBatchReaderTest.bigEndian(
                      BigInteger.valueOf(v % 1_000_000_000_000_000_000L), 8)));
        if (some(r))
          g.add("fbin", Binary.fromConstantByteArray(mode == 2 ? new byte[3] : bytes(r, 3)));
        if (some(r)) g.add("f", mode == 3 ? Float.NaN : mode == 2 ? -0.0f : (float) v / 3f);
        if (some(r))
          g.add(
              "d",
              mode == 3
                  ? ((i & 1) == 0 ? Double.MIN_VALUE : Double.NEGATIVE_INFINITY)
                  : (double) v / 7d);
        w.write(g);
      }
    }
    return file;
  }

  private static boolean some(Random r) {
    return r.nextInt(8) != 0;
  }

  private static String random(Random r, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.appendCodePoint(r.nextInt(4) == 0 ? 0x400 + r.nextInt(200) : 'a' + r.nextInt(26));
    }
    return b.toString();
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  static ParquetReadOptions byName() {
    return new ParquetReadOptions(ColumnMatching.BY_NAME, null, "t");
  }

  /** Each column's value encodings over all row groups, and how many pages-bearing row groups. */
  static Map<String, Set<Encoding>> encodings(Path file) throws Exception {
    Map<String, Set<Encoding>> out = new TreeMap<>();
    try (ParquetFileReader r =
        ParquetFileReader.open(HadoopInputFile.fromPath(file, new Configuration()))) {
      for (BlockMetaData block : r.getRowGroups()) {
        for (ColumnChunkMetaData c : block.getColumns()) {
          out.computeIfAbsent(c.getPath().toDotString(), k -> EnumSet.noneOf(Encoding.class))
              .addAll(c.getEncodings());
        }
      }
    }
    return out;
  }

  private static void assertSameAsRecordReader(Path file, StructType schema, int rows) {
    for (int batchSize : new int[] {1, 77, 4096}) {
      assertEquals(
          rows,
          BatchReaderTestSupport.compare(file, schema, byName(), batchSize),
          "rows of " + file.getName() + " in batches of " + batchSize + " (-1: refused)");
    }
  }

  @Test
  void v2DeltaEncodingsOfIntegersStringsAndFixedLengthArrays() throws Exception {
    Path file = write(dir, "v2.parquet", 9000, WriterVersion.PARQUET_2_0, false, null, 11);
    Map<String, Set<Encoding>> enc = encodings(file);
    for (String c : List.of("id", "i32", "i64", "i16", "date", "ts", "tsmillis", "dec", "dec9")) {
      assertTrue(enc.get(c).contains(Encoding.DELTA_BINARY_PACKED), c + ": " + enc.get(c));
    }
    for (String c : List.of("s", "b", "decbin", "fdec", "fdec8", "fbin")) {
      assertTrue(enc.get(c).contains(Encoding.DELTA_BYTE_ARRAY), c + ": " + enc.get(c));
    }
    assertSameAsRecordReader(file, SCHEMA, 9000);
    assertSameAsRecordReader(file, WIDENED, 9000);
  }

  @Test
  void deletedRowsOfDeltaEncodedPages() throws Exception {
    Path file = write(dir, "v2.parquet", 5000, WriterVersion.PARQUET_2_0, false, null, 12);
    ParquetReadOptions deleted =
        new ParquetReadOptions(ColumnMatching.BY_NAME, i -> i % 3 == 0 || i / 700 == 4, "t");
    int live = 0;
    for (int i = 0; i < 5000; i++) {
      live += i % 3 == 0 || i / 700 == 4 ? 0 : 1;
    }
    assertEquals(live, BatchReaderTestSupport.compare(file, SCHEMA, deleted, 500), "live rows");
  }

  @Test
  void byteStreamSplitFloatsAndDoublesOnV1AndV2Pages() throws Exception {
    for (WriterVersion version : WriterVersion.values()) {
      Path file = write(dir, "bss-" + version + ".parquet", 6000, version, true, null, 13);
      Map<String, Set<Encoding>> enc = encodings(file);
      assertTrue(enc.get("f").contains(Encoding.BYTE_STREAM_SPLIT), "f: " + enc.get("f"));
      assertTrue(enc.get("d").contains(Encoding.BYTE_STREAM_SPLIT), "d: " + enc.get("d"));
      assertSameAsRecordReader(file, SCHEMA, 6000);
    }
  }

  /**
   * DELTA_LENGTH_BYTE_ARRAY (parquet-hadoop writes it only inside DELTA_BYTE_ARRAY), and
   * BYTE_STREAM_SPLIT of INT32, INT64 and FIXED_LEN_BYTE_ARRAY (newer writers): written through
   * parquet-hadoop's own values writers, compared with the PLAIN twin file.
   */
  @Test
  void deltaLengthByteArraysAndByteStreamSplitIntegersAgainstAPlainTwin() throws Exception {
    Path plain = write(dir, "plain.parquet", 7000, WriterVersion.PARQUET_1_0, false, null, 14);
    List<List<Object>> expected = BatchReaderTestSupport.rowReader(plain, SCHEMA, byName());
    assertEquals(7000, expected.size());
    for (WriterVersion version : WriterVersion.values()) {
      Path file =
          write(
              dir,
              "custom-" + version + ".parquet",
              7000,
              version,
              false,
              new CustomEncodings(),
              14);
      Map<String, Set<Encoding>> enc = encodings(file);
      for (String c : List.of("s", "b", "decbin")) {
        assertTrue(enc.get(c).contains(Encoding.DELTA_LENGTH_BYTE_ARRAY), c + ": " + enc.get(c));
      }
      for (String c :
          List.of("i32", "i64", "date", "dec", "dec9", "fdec", "fdec8", "fbin", "f", "d")) {
        assertTrue(enc.get(c).contains(Encoding.BYTE_STREAM_SPLIT), c + ": " + enc.get(c));
      }
      for (int batchSize : new int[] {1, 333, 4096}) {
        List<List<Object>> batch =
            BatchReaderTestSupport.batchReader(file, SCHEMA, byName(), batchSize);
        assertNotNull(batch, version + ": the batch reader refused the file");
        assertEquals(expected.size(), batch.size());
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(expected.get(i), batch.get(i), version + " row " + i);
        }
      }
      // the record reader of parquet-hadoop 1.13 reads DELTA_LENGTH_BYTE_ARRAY itself
      assertSameAsRecordReader(
          file,
          StructType.of(
              f("s", PrimitiveType.STRING),
              f("b", PrimitiveType.BINARY),
              f("decbin", new DecimalType(16, 2))),
          7000);
    }
  }

  /**
   * DELTA_LENGTH_BYTE_ARRAY for BINARY columns, BYTE_STREAM_SPLIT for the fixed-width ones but id
   * and i16.
   */
  static final class CustomEncodings implements ValuesWriterFactory {
    private final DefaultValuesWriterFactory defaults = new DefaultValuesWriterFactory();
    private ParquetProperties props;

    @Override
    public void initialize(ParquetProperties properties) {
      this.props = properties;
      defaults.initialize(properties);
    }

    @Override
    public ValuesWriter newValuesWriter(ColumnDescriptor column) {
      String name = column.getPath()[0];
      int capacity = props.getInitialSlabSize();
      int page = props.getPageSizeThreshold();
      if (name.equals("id") || name.equals("i16")) {
        return defaults.newValuesWriter(column);
      }
      return switch (column.getPrimitiveType().getPrimitiveTypeName()) {
        case BINARY ->
            new DeltaLengthByteArrayValuesWriter(
                capacity, page, HeapByteBufferAllocator.getInstance());
        case INT32, FLOAT -> new SplitWriter(4, capacity, page);
        case INT64, DOUBLE -> new SplitWriter(8, capacity, page);
        case FIXED_LEN_BYTE_ARRAY ->
            new SplitWriter(column.getPrimitiveType().getTypeLength(), capacity, page);
        default -> defaults.newValuesWriter(column);
      };
    }
  }

  /**
   * parquet-hadoop's BYTE_STREAM_SPLIT writer, given the integer and fixed-length forms it lacks in
   * 1.13.
   */
  static final class SplitWriter extends ByteStreamSplitValuesWriter {
    SplitWriter(int width, int capacity, int page) {
      super(width, capacity, page, HeapByteBufferAllocator.getInstance());
    }

    @Override
    public void writeInteger(int v) {
      scatterBytes(new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }

    @Override
    public void writeLong(long v) {
      byte[] b = new byte[8];
      for (int i = 0; i < 8; i++) {
        b[i] = (byte) (v >>> (8 * i));
      }
      scatterBytes(b);
    }

    @Override
    public void writeFloat(float v) {
      writeInteger(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
      writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(Binary v) {
      scatterBytes(v.getBytes());
    }

    @Override
    public String memUsageString(String prefix) {
      return prefix + " BYTE_STREAM_SPLIT " + getBufferedSize();
    }
  }
}
