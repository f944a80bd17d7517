package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.LongVector;
import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.FileRange;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * A micro-measurement, not a test (runs only with {@code -Ddeltajdbc.measure=true}): one 5M-row
 * file of two INT64 columns (v1 pages, PLAIN, SNAPPY, 4 MB row groups) read as one split, and as
 * row-group splits of about 8 MB on 2 threads, and those splits on one thread. Best of three after
 * a warm-up.
 */
@EnabledIfSystemProperty(named = "deltajdbc.measure", matches = "true")
class SplitScanMeasurement {
  private static final int ROWS = 5_000_000;

  /**
   * One configuration for all reads, as a scan shares its table's: building one costs milliseconds.
   */
  private static final Configuration CONF = new Configuration();

  private static final MessageType FILE =
      MessageTypeParser.parseMessageType("message m { required int64 a; optional int64 b; }");
  private static final StructType SCHEMA =
      StructType.of(
          new StructField("a", PrimitiveType.LONG, false),
          new StructField("b", PrimitiveType.LONG, true));

  @Test
  void measure() throws Exception {
    java.nio.file.Path dir = Files.createTempDirectory("split-measure");
    Path file = new Path(dir.resolve("s.parquet").toUri());
    SimpleGroupFactory groups = new SimpleGroupFactory(FILE);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(file)
            .withType(FILE)
            .withConf(new Configuration())
            .withWriterVersion(WriterVersion.PARQUET_1_0)
            .withDictionaryEncoding(false)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(4L << 20)
            .build()) {
      java.util.Random r = new java.util.Random(1);
      for (int i = 0; i < ROWS; i++) {
        Group g = groups.newGroup();
        g.add("a", r.nextLong());
        if (i % 10 != 0) {
          g.add("b", (long) r.nextInt(1_000_000));
        }
        w.write(g);
      }
    }
    ParquetReadOptions options = new ParquetReadOptions(ColumnMatching.BY_NAME, null, "t");
    List<RowGroupSplits.Part> parts =
        RowGroupSplits.of(new Configuration(), file, -1, SCHEMA, options, 8L << 20);
    System.out.printf(
        "file: %d rows, %d bytes, %d splits of row groups%n",
        ROWS, Files.size(dir.resolve("s.parquet")), parts.size());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long bestOne = Long.MAX_VALUE;
    long bestSplit = Long.MAX_VALUE;
    long bestSequential = Long.MAX_VALUE;
    try {
      for (int round = 0; round < 4; round++) {
        long t0 = System.nanoTime();
        long one = read(file, options, FileRange.ALL);
        long t1 = System.nanoTime();
        List<Future<Long>> futures = new ArrayList<>();
        for (RowGroupSplits.Part p : parts) {
          futures.add(pool.submit(() -> read(file, options, p.range())));
        }
        long split = 0;
        for (Future<Long> f : futures) {
          split += f.get();
        }
        long t2 = System.nanoTime();
        long sequential = 0;
        for (RowGroupSplits.Part p : parts) {
          sequential += read(file, options, p.range());
        }
        long t3 = System.nanoTime();
        if (one != split || one != sequential) {
          throw new AssertionError("sums differ");
        }
        if (round > 0) {
          bestOne = Math.min(bestOne, t1 - t0);
          bestSplit = Math.min(bestSplit, t2 - t1);
          bestSequential = Math.min(bestSequential, t3 - t2);
        }
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf(
        "one split: %.1f M rows/s (%d ms); %d row-group splits on 2 threads: %.1f M rows/s (%d ms);"
            + " the same splits one after the other: %.1f M rows/s (%d ms)%n",
        ROWS / (bestOne / 1e3),
        bestOne / 1_000_000,
        parts.size(),
        ROWS / (bestSplit / 1e3),
        bestSplit / 1_000_000,
        ROWS / (bestSequential / 1e3),
        bestSequential / 1_000_000);
  }

  private static long read(Path file, ParquetReadOptions options, FileRange range) {
    long sum = 0;
    try (ParquetBatchReader reader =
        ParquetBatchReader.open(CONF, file, -1, SCHEMA, options, 4096, range)) {
      for (ColumnBatch b = reader.next(); b != null; b = reader.next()) {
        long[] a = ((LongVector) b.column(0)).values();
        long[] v = ((LongVector) b.column(1)).values();
        boolean[] nulls = ((LongVector) b.column(1)).nullsOrNull();
        for (int i = 0; i < b.size(); i++) {
          sum += a[i] + (nulls == null || !nulls[i] ? v[i] : 0);
        }
      }
    }
    return sum;
  }
}
