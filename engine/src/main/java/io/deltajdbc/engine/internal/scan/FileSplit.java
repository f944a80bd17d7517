package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.ScanSplit;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.internal.parquet.FileRange;
import io.deltajdbc.engine.internal.parquet.batch.RowGroupSplits;
import io.deltajdbc.engine.types.StructType;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.filter2.predicate.FilterPredicate;

/**
 * A scan's split: one planned data file, or a run of its row groups (a {@link FileRange} of a large
 * file read column by column), read by the scan's {@link TableFileReader}.
 */
final class FileSplit implements ScanSplit {
  private final TableFileReader reader;
  private final ScanColumns columns;
  private final Predicate filter;
  private final FilterPredicate parquetFilter;
  private final PlannedFile file;
  private final RowGroupSplits.Part part;

  FileSplit(
      TableFileReader reader,
      ScanColumns columns,
      Predicate filter,
      FilterPredicate parquetFilter,
      PlannedFile file,
      RowGroupSplits.Part part) {
    this.reader = reader;
    this.columns = columns;
    this.filter = filter;
    this.parquetFilter = parquetFilter;
    this.file = file;
    this.part = part;
  }

  /** The row groups of the file this split reads. */
  FileRange range() {
    return part.range();
  }

  @Override
  public AddFile file() {
    return file.add();
  }

  @Override
  public long estimatedRows() {
    if (part.rows() >= 0) {
      return part.rows();
    }
    FileStats stats =
        file.stats() == FileStats.NONE ? FileStats.parse(file.add().stats()) : file.stats();
    return stats.numRecords() == null ? -1 : stats.numRecords();
  }

  @Override
  public Optional<ExactStats> statsFromLog() {
    // the log's statistics are the whole file's: a run of its row groups is read
    return part.range().equals(FileRange.ALL) ? LogStats.of(columns, file) : Optional.empty();
  }

  @Override
  public CloseableIterator<Row> rows() {
    if (reader.columnar()) {
      return new BatchRows(batches(TableFileReader.DEFAULT_BATCH_SIZE), columns, filter);
    }
    // the record reader reads whole files: only whole-file splits are planned for it
    return new ScanRows(reader, columns, filter, List.of(file));
  }

  @Override
  public StructType batchSchema() {
    return columns.read();
  }

  @Override
  public CloseableIterator<ColumnBatch> batches(int batchSize) {
    return reader.openBatches(
        file.add(), file.partitionValues(), parquetFilter, batchSize, part.range());
  }

  @Override
  public String reader() {
    return reader.columnar() ? "columnar" : "record";
  }
}
