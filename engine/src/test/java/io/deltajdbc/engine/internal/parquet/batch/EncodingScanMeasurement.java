package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.LongVector;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.parquet.CloseableRowIterator;
import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.internal.parquet.ParquetRowReader;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
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
 * second summing one INT64 column of 5M rows (a random walk, as ids and timestamps are, no
 * dictionary, SNAPPY) stored PLAIN (v1 pages) and DELTA_BINARY_PACKED (v2 pages): the batch reader
 * over both, and the record reader over the DELTA file (what the scan did before the batch reader
 * decoded DELTA_BINARY_PACKED). One thread, best of three after a warm-up.
 */
@EnabledIfSystemProperty(named = "deltajdbc.measure", matches = "true")
class EncodingScanMeasurement {
  private static final int ROWS = 5_000_000;
  private static final MessageType FILE =
      MessageTypeParser.parseMessageType("message m { optional int64 v; }");
  private static final StructType SCHEMA =
      StructType.of(new StructField("v", PrimitiveType.LONG, true));

  @Test
  void measure() throws Exception {
    java.nio.file.Path dir = Files.createTempDirectory("encoding-measure");
    Path plain = write(dir, "plain.parquet", WriterVersion.PARQUET_1_0);
    Path delta = write(dir, "delta.parquet", WriterVersion.PARQUET_2_0);
    System.out.printf(
        "files: %d rows; PLAIN %d bytes, DELTA_BINARY_PACKED %d bytes%n",
        ROWS, Files.size(dir.resolve("plain.parquet")), Files.size(dir.resolve("delta.parquet")));
    ParquetReadOptions options = new ParquetReadOptions(ColumnMatching.BY_NAME, null, "t");
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    for (int round = 0; round < 4; round++) {
      long t0 = System.nanoTime();
      long a = batchReader(plain, options);
      long t1 = System.nanoTime();
      long b = batchReader(delta, options);
      long t2 = System.nanoTime();
      long c = rowReader(delta, options);
      long t3 = System.nanoTime();
      if (a != b || b != c) {
        throw new AssertionError("sums differ");
      }
      if (round > 0) {
        best[0] = Math.min(best[0], t1 - t0);
        best[1] = Math.min(best[1], t2 - t1);
        best[2] = Math.min(best[2], t3 - t2);
      }
    }
    System.out.printf(
        "batch reader, PLAIN: %.1f M rows/s; batch reader, DELTA_BINARY_PACKED: %.1f M rows/s; "
            + "record reader, DELTA_BINARY_PACKED (before): %.1f M rows/s%n",
        ROWS / (best[0] / 1e3), ROWS / (best[1] / 1e3), ROWS / (best[2] / 1e3));
  }

  private static Path write(java.nio.file.Path dir, String name, WriterVersion version)
      throws Exception {
    Path file = new Path(dir.resolve(name).toUri());
    SimpleGroupFactory groups = new SimpleGroupFactory(FILE);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(file)
            .withType(FILE)
            .withConf(new Configuration())
            .withWriterVersion(version)
            .withDictionaryEncoding(false)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      java.util.Random r = new java.util.Random(1);
      long v = 1_700_000_000_000_000L;
      for (int i = 0; i < ROWS; i++) {
        Group g = groups.newGroup();
        v += r.nextInt(1000);
        if (i % 100 != 0) {
          g.add("v", v);
        }
        w.write(g);
      }
    }
    return file;
  }

  private static long rowReader(Path file, ParquetReadOptions options) {
    long sum = 0;
    try (CloseableRowIterator it =
        ParquetRowReader.open(new Configuration(), file, -1, SCHEMA, options)) {
      while (it.hasNext()) {
        Row row = it.next();
        Object v = row.get(0);
        if (v != null) {
          sum += (Long) v;
        }
      }
    }
    return sum;
  }

  private static long batchReader(Path file, ParquetReadOptions options) {
    long sum = 0;
    try (ParquetBatchReader reader =
        ParquetBatchReader.open(new Configuration(), file, -1, SCHEMA, options, 4096)) {
      for (ColumnBatch b = reader.next(); b != null; b = reader.next()) {
        LongVector v = (LongVector) b.column(0);
        long[] values = v.values();
        boolean[] nulls = v.nullsOrNull();
        for (int i = 0; i < b.size(); i++) {
          if (nulls == null || !nulls[i]) {
            sum += values[i];
          }
        }
      }
    }
    return sum;
  }
}
