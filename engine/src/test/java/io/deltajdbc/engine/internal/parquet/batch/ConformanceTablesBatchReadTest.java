package io.deltajdbc.engine.internal.parquet.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

/**
 * Every data file of the conformance tables (/work/shared/testdata, read-only) whose columns are
 * all flat reads the same through the batch reader and the record reader. The read schema is the
 * file's own, in Delta types; files the batch reader refuses (encodings) are counted.
 */
class ConformanceTablesBatchReadTest {
  private static final java.nio.file.Path ROOT = Paths.get("/work/shared/testdata");

  /**
   * The encodings beyond PLAIN, dictionaries and RLE, counted to show which files exercise them.
   */
  private static final Set<Encoding> NEWER =
      EnumSet.of(
          Encoding.DELTA_BINARY_PACKED,
          Encoding.DELTA_LENGTH_BYTE_ARRAY,
          Encoding.DELTA_BYTE_ARRAY,
          Encoding.BYTE_STREAM_SPLIT);

  @Test
  void flatDataFilesReadTheSameThroughBothReaders() throws Exception {
    assumeTrue(Files.isDirectory(ROOT), "conformance data not present");
    List<java.nio.file.Path> files;
    try (Stream<java.nio.file.Path> s = Files.walk(ROOT)) {
      files =
          s.filter(
                  p ->
                      p.toString().endsWith(".parquet")
                          && !p.toString().contains("_delta_log")
                          && !p.toString().contains("/expected/")
                          && !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    }
    int compared = 0;
    int refused = 0;
    int notFlat = 0;
    int unreadable = 0;
    long rows = 0;
    List<String> refusedFiles = new ArrayList<>();
    Map<Encoding, Integer> comparedByEncoding = new TreeMap<>();
    for (java.nio.file.Path f : files) {
      Path file = new Path(f.toUri());
      MessageType schema;
      Set<Encoding> encodings = EnumSet.noneOf(Encoding.class);
      try (ParquetFileReader r =
          ParquetFileReader.open(HadoopInputFile.fromPath(file, new Configuration()))) {
        schema = r.getFileMetaData().getSchema();
        r.getRowGroups()
            .forEach(b -> b.getColumns().forEach(c -> encodings.addAll(c.getEncodings())));
      } catch (Exception e) {
        unreadable++;
        continue;
      }
      StructType read = deltaSchema(schema);
      if (read == null) {
        notFlat++;
        continue;
      }
      ParquetReadOptions options =
          new ParquetReadOptions(ColumnMatching.BY_NAME, i -> i % 5 == 1, "conformance");
      int n = BatchReaderTestSupport.compare(file, read, options, 100);
      if (n < 0) {
        refused++;
        refusedFiles.add(ROOT.relativize(f).toString());
      } else {
        compared++;
        rows += n;
        encodings.retainAll(NEWER);
        for (Encoding e : encodings) {
          comparedByEncoding.merge(e, 1, Integer::sum);
          System.out.println("  " + e + ": " + ROOT.relativize(f));
        }
      }
    }
    System.out.printf(
        "conformance data files: %d; compared %d (%d live rows), refused for encodings %d, "
            + "not flat %d, unreadable footer %d%n",
        files.size(), compared, rows, refused, notFlat, unreadable);
    refusedFiles.stream().limit(20).forEach(p -> System.out.println("  refused: " + p));
    System.out.println(
        "flat files compared by the batch reader, by encoding: " + comparedByEncoding);
    assertTrue(compared > 50, "compared " + compared + " files");
    assertEquals(
        List.of(), refusedFiles, "every flat file is read by the batch reader, none falls back");
    // the conformance data holds DELTA_BINARY_PACKED files (v2 writers) but no DELTA_*_BYTE_ARRAY
    // or
    // BYTE_STREAM_SPLIT ones: those are covered by ParquetEncodingsTest
    assertTrue(
        comparedByEncoding.getOrDefault(Encoding.DELTA_BINARY_PACKED, 0) > 0,
        "files of v2 writers: " + comparedByEncoding);
  }

  /** The file's columns as Delta types, or null when one is not a flat primitive. */
  static StructType deltaSchema(MessageType schema) {
    List<StructField> fields = new ArrayList<>();
    for (Type t : schema.getFields()) {
      if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
        return null;
      }
      DataType d = deltaType(t.asPrimitiveType());
      if (d == null) {
        return null;
      }
      fields.add(new StructField(t.getName(), d, true));
    }
    return fields.isEmpty() ? null : new StructType(fields);
  }

  private static DataType deltaType(org.apache.parquet.schema.PrimitiveType p) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
      return new DecimalType(dec.getPrecision(), dec.getScale());
    }
    return switch (p.getPrimitiveTypeName()) {
      case BOOLEAN -> PrimitiveType.BOOLEAN;
      case INT32 ->
          a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
              ? PrimitiveType.DATE
              : a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
                      && i.getBitWidth() == 8
                  ? PrimitiveType.BYTE
                  : a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
                          && i.getBitWidth() == 16
                      ? PrimitiveType.SHORT
                      : PrimitiveType.INTEGER;
      case INT64 ->
          a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
              ? (ts.isAdjustedToUTC() ? PrimitiveType.TIMESTAMP : PrimitiveType.TIMESTAMP_NTZ)
              : PrimitiveType.LONG;
      case INT96 -> PrimitiveType.TIMESTAMP;
      case FLOAT -> PrimitiveType.FLOAT;
      case DOUBLE -> PrimitiveType.DOUBLE;
      case BINARY ->
          a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                  || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                  || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
              ? PrimitiveType.STRING
              : PrimitiveType.BINARY;
      case FIXED_LEN_BYTE_ARRAY -> PrimitiveType.BINARY;
    };
  }
}
