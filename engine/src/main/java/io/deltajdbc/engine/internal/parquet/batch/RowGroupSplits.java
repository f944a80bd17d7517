package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.internal.parquet.FileRange;
import io.deltajdbc.engine.internal.parquet.ParquetFileOpener;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.internal.parquet.ReadProjection;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.MessageType;

/**
 * Cuts a large Parquet file into parts of whole row groups of about a target size (the row groups'
 * compressed bytes), for the batch reader to read on several threads. A file with one row group, or
 * one the batch reader would not read (an encoding it does not decode), stays one part.
 */
public final class RowGroupSplits {
  private RowGroupSplits() {}

  /** A part of a file: its row groups' range, and how many rows they hold (-1: unknown). */
  public record Part(FileRange range, long rows) {}

  /**
   * The parts of {@code file} ({@code length} as the log records it, or -1) read in {@code schema},
   * in file order: together exactly the file's row groups. The footer is read once, here.
   */
  public static List<Part> of(
      Configuration conf,
      Path file,
      long length,
      StructType schema,
      ParquetReadOptions options,
      long targetBytes) {
    ParquetFileReader reader = ParquetFileOpener.open(conf, file, length, options).reader();
    try {
      List<BlockMetaData> blocks = reader.getRowGroups();
      MessageType requested =
          ReadProjection.of(reader.getFileMetaData().getSchema(), schema, options.matching());
      if (blocks.size() < 2
          || !ParquetBatchReader.encodingsSupported(blocks, requested)
          || !ascending(blocks)) {
        return List.of(new Part(FileRange.ALL, -1));
      }
      List<Part> parts = new ArrayList<>();
      long start = 0;
      long bytes = 0;
      long rows = 0;
      for (int i = 0; i < blocks.size(); i++) {
        BlockMetaData b = blocks.get(i);
        if (i > 0 && bytes >= targetBytes) {
          parts.add(new Part(new FileRange(start, b.getStartingPos()), rows));
          start = b.getStartingPos();
          bytes = 0;
          rows = 0;
        }
        bytes += b.getCompressedSize();
        rows += b.getRowCount();
      }
      parts.add(new Part(new FileRange(start, Long.MAX_VALUE), rows));
      return parts;
    } catch (DeltaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DeltaErrors.corruptData(
          options.tablePath(),
          file.toString(),
          "not a readable Parquet file: " + e.getMessage(),
          e);
    } finally {
      ParquetFileOpener.closeQuietly(reader);
    }
  }

  /** Row groups in the order of their bytes, as every writer lays them out (else: no cutting). */
  private static boolean ascending(List<BlockMetaData> blocks) {
    for (int i = 1; i < blocks.size(); i++) {
      if (blocks.get(i).getStartingPos() <= blocks.get(i - 1).getStartingPos()) {
        return false;
      }
    }
    return true;
  }
}
