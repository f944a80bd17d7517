package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.BinaryVector;
import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.LongVector;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.parquet.CloseableRowIterator;
import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.internal.parquet.ParquetRowReader;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A micro-measurement, not a test (runs only with {@code -Ddeltajdbc.measure=true}): rows per
 * second of both readers summing an INT64 decimal and the lengths of a dictionary string column of
 * a 5M-row file (v1 pages, SNAPPY), on one thread, best of three after a warm-up.
 */
@EnabledIfSystemProperty(named = "deltajdbc.measure", matches = "true")
class BatchReaderScanMeasurement {
  private static final int ROWS = 5_000_000;
  private static final MessageType FILE =
      MessageTypeParser.parseMessageType(
          "message m { optional int64 amount (DECIMAL(18,2)); optional binary city (STRING); }");
  private static final StructType SCHEMA =
      StructType.of(
          new StructField("amount", new DecimalType(18, 2), true),
          new StructField("city", PrimitiveType.STRING, true));

  @Test
  void measure() throws Exception {
    java.nio.file.Path dir = Files.createTempDirectory("batch-measure");
    Path file = new Path(dir.resolve("m.parquet").toUri());
    SimpleGroupFactory groups = new SimpleGroupFactory(FILE);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(file)
            .withType(FILE)
            .withConf(new Configuration())
            .withWriterVersion(WriterVersion.PARQUET_1_0)
            .withDictionaryEncoding(true)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      java.util.Random r = new java.util.Random(1);
      for (int i = 0; i < ROWS; i++) {
        Group g = groups.newGroup();
        if (i % 50 != 0) {
          g.add("amount", r.nextLong() % 10_000_000L);
        }
        g.add("city", "city-" + r.nextInt(500));
        w.write(g);
      }
    }
    System.out.printf("file: %d rows, %d bytes%n", ROWS, Files.size(dir.resolve("m.parquet")));
    ParquetReadOptions options = new ParquetReadOptions(ColumnMatching.BY_NAME, null, "t");
    for (int round = 0; round < 4; round++) {
      long t0 = System.nanoTime();
      long[] a = rowReader(file, options);
      long t1 = System.nanoTime();
      long[] b = batchReader(file, options);
      long t2 = System.nanoTime();
      if (a[0] != b[0] || a[1] != b[1]) {
        throw new AssertionError("sums differ");
      }
      System.out.printf(
          "round %d: record reader %.2f M rows/s (%d ms), batch reader %.2f M rows/s (%d ms)%n",
          round,
          ROWS / ((t1 - t0) / 1e3),
          (t1 - t0) / 1_000_000,
          ROWS / ((t2 - t1) / 1e3),
          (t2 - t1) / 1_000_000);
    }
  }

  private static long[] rowReader(Path file, ParquetReadOptions options) {
    long sum = 0;
    long length = 0;
    try (CloseableRowIterator it =
        ParquetRowReader.open(new Configuration(), file, -1, SCHEMA, options)) {
      while (it.hasNext()) {
        Row row = it.next();
        BigDecimal d = (BigDecimal) row.get(0);
        if (d != null) {
          sum += d.unscaledValue().longValue();
        }
        length += ((String) row.get(1)).length();
      }
    }
    return new long[] {sum, length};
  }

  private static long[] batchReader(Path file, ParquetReadOptions options) {
    long sum = 0;
    long length = 0;
    try (ParquetBatchReader reader =
        ParquetBatchReader.open(new Configuration(), file, -1, SCHEMA, options, 4096)) {
      for (ColumnBatch b = reader.next(); b != null; b = reader.next()) {
        LongVector amount = (LongVector) b.column(0);
        BinaryVector city = (BinaryVector) b.column(1);
        long[] v = amount.values();
        boolean[] nulls = amount.nullsOrNull();
        for (int i = 0; i < b.size(); i++) {
          if (nulls == null || !nulls[i]) {
            sum += v[i];
          }
        }
        // the strings are ASCII: bytes = chars, as the record reader's String.length() counts
        length += city.offset(b.size()) - city.offset(0);
      }
    }
    return new long[] {sum, length};
  }
}
