package io.deltajdbc.engine.internal.parquet.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.parquet.CloseableRowIterator;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.internal.parquet.ParquetRowReader;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Reads a file with both readers and compares every live row's every value. */
final class BatchReaderTestSupport {
  private BatchReaderTestSupport() {}

  static List<List<Object>> rowReader(Path file, StructType schema, ParquetReadOptions options) {
    List<List<Object>> out = new ArrayList<>();
    try (CloseableRowIterator it =
        ParquetRowReader.open(new Configuration(), file, -1, schema, options)) {
      while (it.hasNext()) {
        Row r = it.next();
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
          row.add(normalize(r.get(i)));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** The batch reader's live rows, or null when it refuses the file. */
  static List<List<Object>> batchReader(
      Path file, StructType schema, ParquetReadOptions options, int batchSize) {
    ParquetBatchReader reader =
        ParquetBatchReader.open(new Configuration(), file, -1, schema, options, batchSize);
    if (reader == null) {
      return null;
    }
    List<List<Object>> out = new ArrayList<>();
    try (reader) {
      for (ColumnBatch b = reader.next(); b != null; b = reader.next()) {
        int[] sel = b.selection();
        for (int k = 0; k < b.liveCount(); k++) {
          int j = sel == null ? k : sel[k];
          List<Object> row = new ArrayList<>();
          for (int i = 0; i < schema.size(); i++) {
            row.add(normalize(b.column(i).get(j)));
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  /**
   * Compares both readers' rows; returns how many there were, or -1 when the batch reader refused
   * the file.
   */
  static int compare(Path file, StructType schema, ParquetReadOptions options, int batchSize) {
    List<List<Object>> batch = batchReader(file, schema, options, batchSize);
    if (batch == null) {
      return -1;
    }
    List<List<Object>> rows = rowReader(file, schema, options);
    assertEquals(rows.size(), batch.size(), "rows of " + file);
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.get(i), batch.get(i), "row " + i + " of " + file);
    }
    return rows.size();
  }

  private static Object normalize(Object v) {
    return v instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : v;
  }
}
