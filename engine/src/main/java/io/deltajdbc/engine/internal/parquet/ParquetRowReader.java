package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.Cancellation;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.function.LongPredicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Reads the rows of one Parquet file in a schema: only the projected column chunks are read, one
 * row group at a time; rows whose index the options skip (deleted rows) are dropped. With a filter,
 * parquet-hadoop leaves out the row groups, pages and records it rules out.
 */
public final class ParquetRowReader implements CloseableRowIterator {
  private final ParquetFileReader reader;
  private final MessageType requested;
  private final StructType schema;
  private final ReadContext ctx;
  private final LongPredicate skipRow;
  private final List<BlockMetaData> blocks;
  private final Materializer materializer;
  private final FilterCompat.Filter filter;
  private PrimitiveIterator.OfLong rowIndexes;
  private long rowIndexOffset;
  private int blockIndex;
  private long rowIndex;
  private long rowsLeftInBlock;
  private RecordReader<Row> records;
  private Row next;
  private long nextIndex = -1;
  private long returnedIndex = -1;
  private boolean closed;
  private long steps;

  private ParquetRowReader(
      ParquetFileReader reader,
      StructType schema,
      ReadContext ctx,
      LongPredicate skipRow,
      FilterPredicate filter) {
    this.reader = reader;
    this.filter = filter == null ? null : FilterCompat.get(filter);
    this.schema = schema;
    this.ctx = ctx;
    this.skipRow = skipRow;
    this.blocks = reader.getRowGroups();
    this.requested =
        ReadProjection.of(reader.getFileMetaData().getSchema(), schema, ctx.matching());
    reader.setRequestedSchema(requested);
    this.materializer = new Materializer(schema, requested, ctx);
  }

  /** Opens {@code file}, reading its footer (one extra call for the file's length). */
  public static ParquetRowReader open(
      Configuration conf, Path file, StructType schema, ParquetReadOptions options) {
    return open(conf, file, -1, schema, options);
  }

  /**
   * Opens {@code file} whose length the log already records, so that no status call is made. A
   * recorded length that proves wrong is retried once with the file's real length.
   */
  public static ParquetRowReader open(
      Configuration conf, Path file, long length, StructType schema, ParquetReadOptions options) {
    ReadContext ctx = new ReadContext(options.matching(), options.tablePath(), file.toString());
    ParquetFileOpener.Opened opened = ParquetFileOpener.open(conf, file, length, options);
    try {
      return new ParquetRowReader(opened.reader(), schema, ctx, options.skipRow(), opened.filter());
    } catch (DeltaException e) {
      ParquetFileOpener.closeQuietly(opened.reader());
      throw e;
    } catch (RuntimeException e) {
      ParquetFileOpener.closeQuietly(opened.reader());
      throw DeltaErrors.corruptData(
          options.tablePath(),
          file.toString(),
          "not a readable Parquet file: " + e.getMessage(),
          e);
    }
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if ((++steps & 4095) == 0) {
        // records the Parquet filter rules out are skipped here, a whole row group between two rows
        Cancellation.check("reading " + ctx.file() + " of", ctx.tablePath());
      }
      if (rowsLeftInBlock == 0 && !advanceBlock()) {
        return false;
      }
      long index = rowIndexes != null ? rowIndexOffset + rowIndexes.nextLong() : rowIndex++;
      rowsLeftInBlock--;
      Row row = readRecord();
      if (row != null && (skipRow == null || !skipRow.test(index))) {
        next = row;
        nextIndex = index;
      }
    }
    return true;
  }

  private Row readRecord() {
    if (records == null) {
      return Row.wrap(new Object[schema.size()]);
    }
    try {
      Row row = records.read();
      // a record the filter rules out reads as null (or says to be skipped)
      return row == null || records.shouldSkipCurrentRecord() ? null : row;
    } catch (ParquetDecodingException e) {
      throw DeltaErrors.corruptData(
          ctx.tablePath(),
          ctx.file(),
          "cannot decode row " + (rowIndex - 1) + ": " + e.getMessage(),
          e);
    }
  }

  private boolean advanceBlock() {
    if (requested.getFieldCount() == 0) {
      // nothing to read from the file, only how many rows it has
      if (blockIndex >= blocks.size()) {
        close();
        return false;
      }
      BlockMetaData block = blocks.get(blockIndex++);
      rowIndex = block.getRowIndexOffset() >= 0 ? block.getRowIndexOffset() : rowIndex;
      rowsLeftInBlock = block.getRowCount();
      records = null;
      rowIndexes = null;
      reader.skipNextRowGroup();
      return true;
    }
    try {
      // with a filter, the next row group the filter keeps, holding only the pages it may need
      PageReadStore pages =
          filter != null ? reader.readNextFilteredRowGroup() : reader.readNextRowGroup();
      if (pages == null) {
        close();
        return false;
      }
      rowsLeftInBlock = pages.getRowCount();
      rowIndexOffset = pages.getRowIndexOffset().orElse(rowIndex);
      rowIndex = rowIndexOffset;
      rowIndexes = filter != null ? pages.getRowIndexes().orElse(null) : null;
      MessageColumnIO io =
          new ColumnIOFactory(reader.getFileMetaData().getCreatedBy())
              .getColumnIO(requested, reader.getFileMetaData().getSchema());
      records =
          filter != null
              ? io.getRecordReader(pages, materializer, filter)
              : io.getRecordReader(pages, materializer);
      return true;
    } catch (IOException e) {
      throw DeltaErrors.storage("reading Parquet row group", ctx.file(), e);
    } catch (ParquetDecodingException e) {
      throw DeltaErrors.corruptData(
          ctx.tablePath(), ctx.file(), "cannot decode row group: " + e.getMessage(), e);
    }
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    returnedIndex = nextIndex;
    return r;
  }

  /**
   * The position in the file (0-based, counting deleted rows) of the row last returned by {@link
   * #next()}: the index a deletion vector names it by. -1 before the first row.
   */
  public long rowIndex() {
    return returnedIndex;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      ParquetFileOpener.closeQuietly(reader);
    }
  }

  /** Hands parquet-hadoop the converter tree and takes back each assembled row. */
  private static final class Materializer extends RecordMaterializer<Row> {
    private final StructConverter root;
    private Row current;

    Materializer(StructType schema, MessageType requested, ReadContext ctx) {
      this.root = new StructConverter(schema, requested, ctx, "", v -> current = (Row) v);
    }

    @Override
    public Row getCurrentRecord() {
      return current;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }
}
