package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.ColumnVector;
import io.deltajdbc.engine.internal.Cancellation;
import io.deltajdbc.engine.internal.parquet.FieldMatcher;
import io.deltajdbc.engine.internal.parquet.FileRange;
import io.deltajdbc.engine.internal.parquet.ParquetFileOpener;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.internal.parquet.ReadContext;
import io.deltajdbc.engine.internal.parquet.ReadProjection;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads a Parquet file of flat columns as {@link ColumnBatch}es: the same values as {@link
 * io.deltajdbc.engine.internal.parquet.ParquetRowReader}, decoded page by page into vectors. Rows
 * the options skip by index (deletion vectors, by position in the file) are left out of each
 * batch's selection; row groups the filter rules out are not read, nor pages whose column index
 * rules them out: all columns then read the same row ranges, each passing over the rows of its
 * pages that lie outside them (rows of kept ranges all come back: the caller evaluates the exact
 * predicate). A batch never spans two row groups. A {@link FileRange} reads only some of the row
 * groups, for splits of a large file.
 *
 * <p>Files whose projected column chunks use an encoding this reader does not decode (see {@link
 * #SUPPORTED}) are refused up front: {@link #open} returns null and the caller reads the file with
 * the record reader instead.
 */
public final class ParquetBatchReader implements AutoCloseable {
  /**
   * The encodings decoded here (each for the physical types the format allows it for); BIT_PACKED
   * is listed by writers for absent repetition levels.
   */
  static final Set<Encoding> SUPPORTED =
      EnumSet.of(
          Encoding.PLAIN,
          Encoding.PLAIN_DICTIONARY,
          Encoding.RLE_DICTIONARY,
          Encoding.RLE,
          Encoding.BIT_PACKED,
          Encoding.DELTA_BINARY_PACKED,
          Encoding.DELTA_LENGTH_BYTE_ARRAY,
          Encoding.DELTA_BYTE_ARRAY,
          Encoding.BYTE_STREAM_SPLIT);

  private final ParquetFileReader reader;
  private final MessageType requested;
  private final ReadContext ctx;
  private final LongPredicate skipRow;
  private final ColumnChunkReader[] columns;
  private final ColumnDescriptor[] descriptors;
  private final List<ColumnVector> vectors;
  private final ColumnBatch batch;
  private final int batchSize;
  private final List<BlockMetaData> blocks;
  private final boolean filtered;
  private final FileRange split;
  private int[] selection;
  private int blockIndex;
  private long nextFirstRow;
  private long groupFirstRow;
  private RowSpans ranges = RowSpans.all(0);
  private long rowsLeftInGroup;
  private boolean closed;

  private ParquetBatchReader(
      ParquetFileReader reader,
      boolean filtered,
      FileRange split,
      MessageType requested,
      ReadContext ctx,
      LongPredicate skipRow,
      ColumnChunkReader[] columns,
      ColumnDescriptor[] descriptors,
      List<ColumnVector> vectors,
      int batchSize) {
    this.reader = reader;
    this.filtered = filtered;
    this.split = split;
    this.requested = requested;
    this.ctx = ctx;
    this.skipRow = skipRow;
    this.columns = columns;
    this.descriptors = descriptors;
    this.vectors = vectors;
    this.batch = new ColumnBatch(vectors);
    this.batchSize = batchSize;
    this.blocks = reader.getRowGroups();
    this.selection = new int[batchSize];
  }

  /**
   * True when every field of {@code schema} is a flat primitive or decimal (no struct, array, map,
   * variant).
   */
  public static boolean supports(StructType schema) {
    for (StructField f : schema.fields()) {
      if (!(f.type() instanceof DecimalType)
          && !(f.type() instanceof PrimitiveType p && p != PrimitiveType.VARIANT)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Opens {@code file} ({@code length} as the log records it, or -1) for a {@link #supports flat}
   * schema, or returns null when a column chunk the read needs uses an encoding this reader does
   * not decode (the caller then falls back to the record reader).
   */
  public static ParquetBatchReader open(
      Configuration conf,
      Path file,
      long length,
      StructType schema,
      ParquetReadOptions options,
      int batchSize) {
    return open(conf, file, length, schema, options, batchSize, FileRange.ALL);
  }

  /**
   * As {@link #open(Configuration, Path, long, StructType, ParquetReadOptions, int)}, the row
   * groups of {@code split} only.
   */
  public static ParquetBatchReader open(
      Configuration conf,
      Path file,
      long length,
      StructType schema,
      ParquetReadOptions options,
      int batchSize,
      FileRange split) {
    if (!supports(schema) || batchSize <= 0) {
      throw new IllegalArgumentException(
          "the batch reader reads flat schemas in batches of at least one row");
    }
    ReadContext ctx = new ReadContext(options.matching(), options.tablePath(), file.toString());
    ParquetFileOpener.Opened opened = ParquetFileOpener.open(conf, file, length, options);
    ParquetFileReader reader = opened.reader();
    try {
      MessageType fileSchema = reader.getFileMetaData().getSchema();
      MessageType requested = ReadProjection.of(fileSchema, schema, options.matching());
      reader.setRequestedSchema(requested);
      if (!encodingsSupported(reader.getRowGroups(), requested)) {
        ParquetFileOpener.closeQuietly(reader);
        return null;
      }
      ColumnChunkReader[] columns = new ColumnChunkReader[schema.size()];
      ColumnDescriptor[] descriptors = new ColumnDescriptor[schema.size()];
      for (FieldMatcher.Match m : FieldMatcher.match(schema, fileSchema, options.matching())) {
        StructField f = schema.fields().get(m.schemaIndex());
        Type p = fileSchema.getType(m.parquetIndex());
        if (f.type() == PrimitiveType.VOID) {
          continue;
        }
        if (!p.isPrimitive() || p.isRepetition(Type.Repetition.REPEATED)) {
          throw ctx.typeMismatch(f.name(), p, f.type());
        }
        Conversion c = Conversions.of(f.type(), p.asPrimitiveType(), ctx, f.name());
        ColumnDescriptor d = requested.getColumnDescription(new String[] {p.getName()});
        columns[m.schemaIndex()] = new ColumnChunkReader(d, c);
        descriptors[m.schemaIndex()] = d;
      }
      List<ColumnVector> vectors = new ArrayList<>();
      for (StructField f : schema.fields()) {
        vectors.add(ColumnVector.forType(f.type(), batchSize));
      }
      return new ParquetBatchReader(
          reader,
          opened.filter() != null,
          split,
          requested,
          ctx,
          options.skipRow(),
          columns,
          descriptors,
          vectors,
          batchSize);
    } catch (DeltaException e) {
      ParquetFileOpener.closeQuietly(reader);
      throw e;
    } catch (RuntimeException e) {
      ParquetFileOpener.closeQuietly(reader);
      throw DeltaErrors.corruptData(
          options.tablePath(),
          file.toString(),
          "not a readable Parquet file: " + e.getMessage(),
          e);
    }
  }

  static boolean encodingsSupported(List<BlockMetaData> blocks, MessageType requested) {
    for (BlockMetaData block : blocks) {
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        if (requested.containsPath(chunk.getPath().toArray())
            && !SUPPORTED.containsAll(chunk.getEncodings())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The next batch (the same object each time, vectors in the schema's order), or null at the end.
   */
  public ColumnBatch next() {
    if (closed) {
      return null;
    }
    Cancellation.check("reading " + ctx.file() + " of", ctx.tablePath());
    while (rowsLeftInGroup == 0) {
      if (!advanceGroup()) {
        close();
        return null;
      }
    }
    int n = (int) Math.min(batchSize, rowsLeftInGroup);
    int live = 0;
    try {
      for (int i = 0; i < columns.length; i++) {
        ColumnVector v = vectors.get(i);
        v.reset(n);
        if (columns[i] == null) {
          for (int j = 0; j < n; j++) {
            if (v instanceof io.deltajdbc.engine.data.BinaryVector b) {
              b.appendNull();
            } else {
              v.setNull(j);
            }
          }
        }
      }
      // the batch's rows, a stretch of one row range at a time; every column moves to its start
      for (int filled = 0; filled < n; ) {
        long start = ranges.row();
        int k = (int) Math.min(n - filled, ranges.left());
        for (int i = 0; i < columns.length; i++) {
          if (columns[i] != null) {
            columns[i].skipTo(start);
            columns[i].read(vectors.get(i), filled, k);
          }
        }
        if (skipRow != null) {
          long first = groupFirstRow + start;
          for (int j = 0; j < k; j++) {
            if (!skipRow.test(first + j)) {
              selection[live++] = filled + j;
            }
          }
        }
        ranges.advance(k);
        filled += k;
      }
    } catch (ParquetDecodingException
        | IllegalStateException
        | ArithmeticException
        | IndexOutOfBoundsException e) {
      throw DeltaErrors.corruptData(
          ctx.tablePath(),
          ctx.file(),
          "cannot decode rows from " + (groupFirstRow + ranges.row()) + ": " + e.getMessage(),
          e);
    } catch (UncheckedIOException e) {
      throw DeltaErrors.storage("reading Parquet page", ctx.file(), e.getCause());
    }
    batch.setSize(n);
    if (skipRow != null && live < n) {
      batch.select(selection, live);
    }
    rowsLeftInGroup -= n;
    return batch;
  }

  /** Moves to the next row group of the split that has rows to read; false at the end. */
  private boolean advanceGroup() {
    while (blockIndex < blocks.size()) {
      int index = blockIndex++;
      BlockMetaData block = blocks.get(index);
      long first = block.getRowIndexOffset() >= 0 ? block.getRowIndexOffset() : nextFirstRow;
      nextFirstRow = first + block.getRowCount();
      if (!split.contains(block.getStartingPos()) || block.getRowCount() == 0) {
        continue;
      }
      groupFirstRow = first;
      if (requested.getFieldCount() == 0) {
        // nothing to read from the file, only how many rows it has
        ranges = RowSpans.all(block.getRowCount());
        rowsLeftInGroup = block.getRowCount();
        return true;
      }
      try {
        // with a filter, only the pages whose column index may match, and the row ranges they cover
        PageReadStore pages =
            filtered ? reader.readFilteredRowGroup(index) : reader.readRowGroup(index);
        if (pages == null || pages.getRowCount() == 0) {
          continue;
        }
        groupFirstRow = pages.getRowIndexOffset().orElse(first);
        ranges =
            filtered && pages.getRowIndexes().isPresent()
                ? RowSpans.of(pages.getRowIndexes().get())
                : RowSpans.all(pages.getRowCount());
        rowsLeftInGroup = ranges.rows();
        for (int i = 0; i < columns.length; i++) {
          if (columns[i] != null) {
            columns[i].startRowGroup(pages.getPageReader(descriptors[i]));
          }
        }
        if (rowsLeftInGroup > 0) {
          return true;
        }
      } catch (IOException e) {
        throw DeltaErrors.storage("reading Parquet row group", ctx.file(), e);
      } catch (UncheckedIOException e) {
        throw DeltaErrors.storage("reading Parquet row group", ctx.file(), e.getCause());
      } catch (ParquetDecodingException | IllegalStateException | ArithmeticException e) {
        throw DeltaErrors.corruptData(
            ctx.tablePath(), ctx.file(), "cannot decode row group: " + e.getMessage(), e);
      }
    }
    return false;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      ParquetFileOpener.closeQuietly(reader);
    }
  }
}
