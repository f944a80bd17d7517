package io.deltajdbc.engine.internal.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows written by our Parquet writer read back equal, whole, projected, widened and with rows
 * deleted.
 */
class ParquetRoundTripTest {
  private static final StructType NESTED =
      StructType.of(
          new StructField("a", PrimitiveType.INTEGER, true),
          new StructField(
              "b",
              new ArrayType(StructType.of(new StructField("c", PrimitiveType.LONG, true)), true),
              true));
  private static final StructType SCHEMA =
      StructType.of(
          new StructField("l", PrimitiveType.LONG, false),
          new StructField("i", PrimitiveType.INTEGER, true),
          new StructField("s", PrimitiveType.SHORT, true),
          new StructField("by", PrimitiveType.BYTE, true),
          new StructField("f", PrimitiveType.FLOAT, true),
          new StructField("d", PrimitiveType.DOUBLE, true),
          new StructField("bo", PrimitiveType.BOOLEAN, true),
          new StructField("str", PrimitiveType.STRING, true),
          new StructField("bin", PrimitiveType.BINARY, true),
          new StructField("d5", new DecimalType(5, 2), true),
          new StructField("d15", new DecimalType(15, 3), true),
          new StructField("d25", new DecimalType(25, 4), true),
          new StructField("date", PrimitiveType.DATE, true),
          new StructField("ts", PrimitiveType.TIMESTAMP, true),
          new StructField("ntz", PrimitiveType.TIMESTAMP_NTZ, true),
          new StructField("arr", new ArrayType(PrimitiveType.STRING, true), true),
          new StructField(
              "map", new MapType(PrimitiveType.STRING, PrimitiveType.INTEGER, true), true),
          new StructField("st", NESTED, true));

  @TempDir java.nio.file.Path dir;

  private static Row row(long n) {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("k" + n, (int) n);
    map.put("null", null);
    return Row.of(
        n,
        (int) n,
        (short) n,
        (byte) n,
        n + 0.5f,
        n + 0.25,
        n % 2 == 0,
        "s" + n,
        new byte[] {(byte) n, 1},
        new BigDecimal("1.25").add(BigDecimal.valueOf(n)),
        new BigDecimal("123456789.123").add(BigDecimal.valueOf(n)),
        new BigDecimal("-123456789012345678.1234").subtract(BigDecimal.valueOf(n)),
        LocalDate.of(2024, 2, 29).plusDays(n),
        Instant.parse("1969-12-31T23:59:59.999999Z").plusSeconds(n),
        LocalDateTime.of(2020, 1, 1, 0, 0).plusNanos(n * 1000),
        Arrays.asList("x", null, "y" + n),
        map,
        Row.of((int) n, List.of(Row.of(n), Row.of((Object) null))));
  }

  private static Row allNull() {
    Object[] v = new Object[SCHEMA.size()];
    v[0] = 99L;
    return Row.wrap(v);
  }

  private Path write(List<Row> rows) throws Exception {
    Path file = new Path(dir.resolve("data.parquet").toUri());
    try (ParquetWriter<Row> w =
        ParquetRowWriter.create(
            new Configuration(), file, SCHEMA, false, CompressionCodecName.SNAPPY)) {
      for (Row r : rows) {
        w.write(r);
      }
    }
    return file;
  }

  private static List<Row> read(
      Path file, StructType schema, java.util.function.LongPredicate skip) {
    List<Row> out = new ArrayList<>();
    try (CloseableRowIterator it =
        ParquetRowReader.open(
            new Configuration(),
            file,
            schema,
            new ParquetReadOptions(ColumnMatching.BY_NAME, skip, "t"))) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void everyTypeReadsBackAsWritten() throws Exception {
    List<Row> rows = List.of(row(0), row(1), allNull(), row(-3));
    assertEquals(rows, read(write(rows), SCHEMA, null));
  }

  @Test
  void projectionMissingColumnsWideningAndDeletedRows() throws Exception {
    Path file = write(List.of(row(0), row(1), row(2), row(3)));
    StructType read =
        StructType.of(
            new StructField("i", PrimitiveType.LONG, true), // integer widened to long
            new StructField("added_later", PrimitiveType.STRING, true), // not in the file
            new StructField("d5", new DecimalType(10, 4), true), // decimal widened
            new StructField(
                "st", StructType.of(new StructField("a", PrimitiveType.DOUBLE, true)), true));
    List<Row> rows = read(file, read, i -> i == 1 || i == 2);
    assertEquals(
        List.of(
            Row.of(0L, null, new BigDecimal("1.2500"), Row.of(0.0)),
            Row.of(3L, null, new BigDecimal("4.2500"), Row.of(3.0))),
        rows);
  }

  @Test
  void aSchemaThatDoesNotFitNamesTheColumnAndFile() throws Exception {
    Path file = write(List.of(row(0)));
    StructType wrong = StructType.of(new StructField("str", PrimitiveType.LONG, true));
    DeltaException e = assertThrows(DeltaException.class, () -> read(file, wrong, null));
    assertTrue(
        e.getMessage().contains("'str'") && e.getMessage().contains("data.parquet"),
        e.getMessage());
  }

  @Test
  void aFileThatIsNotParquetIsReportedAsCorrupt() throws Exception {
    java.nio.file.Path junk = Files.writeString(dir.resolve("junk.parquet"), "not parquet at all");
    DeltaException e =
        assertThrows(DeltaException.class, () -> read(new Path(junk.toUri()), SCHEMA, null));
    assertTrue(e.getMessage().contains("junk.parquet"), e.getMessage());
  }
}
