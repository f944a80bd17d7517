package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.ScanSplit;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.internal.skipping.FileStats;
import io.deltajdbc.engine.types.StructType;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.filter2.predicate.FilterPredicate;

/** A scan's split: one planned data file, read by the scan's {@link TableFileReader}. */
final class FileSplit implements ScanSplit {
  private final TableFileReader reader;
  private final ScanColumns columns;
  private final Predicate filter;
  private final FilterPredicate parquetFilter;
  private final PlannedFile file;

  FileSplit(TableFileReader reader, ScanColumns columns, Predicate filter, FilterPredicate parquetFilter,
      PlannedFile file) {
    this.reader = reader;
    this.columns = columns;
    this.filter = filter;
    this.parquetFilter = parquetFilter;
    this.file = file;
  }

  @Override
  public AddFile file() {
    return file.add();
  }

  @Override
  public long estimatedRows() {
    FileStats stats = file.stats() == FileStats.NONE ? FileStats.parse(file.add().stats()) : file.stats();
    return stats.numRecords() == null ? -1 : stats.numRecords();
  }

  @Override
  public Optional<ExactStats> statsFromLog() {
    return LogStats.of(columns, file);
  }

  @Override
  public CloseableIterator<Row> rows() {
    if (reader.columnar()) {
      return new BatchRows(batches(TableFileReader.DEFAULT_BATCH_SIZE), columns, filter);
    }
    return new ScanRows(reader, columns, filter, List.of(file));
  }

  @Override
  public StructType batchSchema() {
    return columns.read();
  }

  @Override
  public CloseableIterator<ColumnBatch> batches(int batchSize) {
    return reader.openBatches(file.add(), file.partitionValues(), parquetFilter, batchSize);
  }

  @Override
  public String reader() {
    return reader.columnar() ? "columnar" : "record";
  }
}
