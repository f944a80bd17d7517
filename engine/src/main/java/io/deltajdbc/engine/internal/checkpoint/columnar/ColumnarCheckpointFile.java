package io.deltajdbc.engine.internal.checkpoint.columnar;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.internal.Cancellation;
import io.deltajdbc.engine.internal.checkpoint.CheckpointSchema;
import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.ParquetFileOpener;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.internal.parquet.ReadProjection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.MessageType;

/**
 * Reads the actions of one checkpoint (or sidecar) Parquet file column by column: the footer and
 * the decompressed pages come from parquet-hadoop, the leaf columns of {@link
 * CheckpointSchema#READ_SCHEMA} are decoded a row group at a time, and each row's actions are built
 * from them in the order and with the defaults of the row decoder. The file's actions are handed on
 * only once all of it is decoded, so a file found to need the row reader (an encoding not decoded
 * here) is given up with nothing emitted.
 */
public final class ColumnarCheckpointFile {
  private static final Set<Encoding> DECODED =
      EnumSet.of(
          Encoding.PLAIN,
          Encoding.PLAIN_DICTIONARY,
          Encoding.RLE_DICTIONARY,
          Encoding.RLE,
          Encoding.BIT_PACKED);

  private ColumnarCheckpointFile() {}

  /**
   * Streams the actions of {@code file} ({@code length} as recorded, or -1) into {@code sink}.
   *
   * @return false, with nothing given to {@code sink}, when the file has a column this reader does
   *     not decode: the caller reads it with the row reader
   */
  public static boolean read(
      Configuration conf, Path file, long length, String tablePath, Consumer<Action> sink) {
    ParquetFileReader reader =
        ParquetFileOpener.open(
                conf, file, length, new ParquetReadOptions(ColumnMatching.BY_NAME, null, tablePath))
            .reader();
    List<Action> actions = new ArrayList<>();
    try {
      MessageType projected =
          ReadProjection.of(
              reader.getFileMetaData().getSchema(),
              CheckpointSchema.READ_SCHEMA,
              ColumnMatching.BY_NAME);
      CheckpointColumns layout = CheckpointColumns.of(projected, CheckpointSchema.READ_SCHEMA);
      if (!encodingsDecoded(reader.getRowGroups(), layout)) {
        return false;
      }
      if (!layout.leaves().isEmpty()) {
        reader.setRequestedSchema(projected);
        int group = 0;
        PageReadStore pages;
        while ((pages = nextRowGroup(reader, file, tablePath)) != null) {
          Cancellation.check("reading checkpoint " + file.getName() + " of", tablePath);
          RowGroupColumns columns = decode(layout, pages, file, tablePath, group++);
          assemble(columns, (int) pages.getRowCount(), actions);
        }
      }
    } catch (UnsupportedEncodingFound e) {
      return false;
    } finally {
      ParquetFileOpener.closeQuietly(reader);
    }
    actions.forEach(sink);
    return true;
  }

  private static boolean encodingsDecoded(List<BlockMetaData> blocks, CheckpointColumns layout) {
    Set<ColumnPath> needed = new java.util.HashSet<>();
    layout.leaves().forEach(c -> needed.add(ColumnPath.get(c.getPath())));
    for (BlockMetaData b : blocks) {
      for (ColumnChunkMetaData chunk : b.getColumns()) {
        if (needed.contains(chunk.getPath()) && !DECODED.containsAll(chunk.getEncodings())) {
          return false;
        }
      }
    }
    return true;
  }

  private static PageReadStore nextRowGroup(ParquetFileReader reader, Path file, String tablePath) {
    try {
      return reader.readNextRowGroup();
    } catch (IOException e) {
      throw DeltaErrors.storage("reading Parquet row group", file.toString(), e);
    } catch (ParquetDecodingException e) {
      throw DeltaErrors.corruptData(
          tablePath, file.toString(), "cannot decode row group: " + e.getMessage(), e);
    }
  }

  private static RowGroupColumns decode(
      CheckpointColumns layout, PageReadStore pages, Path file, String tablePath, int group) {
    if (pages.getRowCount() > Integer.MAX_VALUE - 8) {
      throw DeltaErrors.corruptData(
          tablePath,
          file.toString(),
          "row group "
              + group
              + " has "
              + pages.getRowCount()
              + " rows, more than a checkpoint reader takes",
          null);
    }
    int rows = (int) pages.getRowCount();
    Map<ColumnDescriptor, LeafValues> decoded = new HashMap<>();
    for (ColumnDescriptor c : layout.leaves()) {
      try {
        decoded.put(c, LeafDecoder.decode(c, pages.getPageReader(c), rows));
      } catch (UnsupportedEncodingFound e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // the pages are in memory: an IOException here is a page that does not decompress
        throw DeltaErrors.corruptData(
            tablePath,
            file.toString(),
            "cannot decode column "
                + String.join(".", c.getPath())
                + " of row group "
                + group
                + ": "
                + e,
            e);
      }
    }
    return new RowGroupColumns(layout, decoded);
  }

  /**
   * Each row's actions, in the row decoder's order: add, remove, metaData, protocol, txn, then the
   * rest.
   */
  private static void assemble(RowGroupColumns columns, int rows, List<Action> out) {
    FileActionColumns files = new FileActionColumns(columns);
    OtherActionColumns others = new OtherActionColumns(columns);
    for (int r = 0; r < rows; r++) {
      add(out, files.add(r));
      add(out, files.remove(r));
      add(out, others.metadata(r));
      add(out, others.protocol(r));
      add(out, others.txn(r));
      add(out, others.domainMetadata(r));
      add(out, others.checkpointMetadata(r));
      add(out, others.sidecar(r));
    }
  }

  private static void add(List<Action> out, Action a) {
    if (a != null) {
      out.add(a);
    }
  }
}
