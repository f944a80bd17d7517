package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.Scan;
import io.deltajdbc.engine.ScanSplit;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.internal.columnmapping.ColumnMapping;
import io.deltajdbc.engine.internal.parquet.batch.RowGroupSplits;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.parquet.filter2.predicate.FilterPredicate;

/** A planned scan: files are chosen when it is built, rows are read when asked for. */
final class ScanImpl implements Scan {
  private final SnapshotImpl snapshot;
  private final ScanColumns columns;
  private final Predicate filter;
  private final ColumnMapping mapping;
  private final ScanPlanner.Plan plan;
  // computed when first asked, from the files' statistics parsed once
  private List<PlannedFile> withStats;
  private long estimatedRows = -1;
  private OptionalLong[] distinctBounds;

  ScanImpl(SnapshotImpl snapshot, ScanColumns columns, Predicate filter, ColumnMapping mapping) {
    this.snapshot = snapshot;
    this.columns = columns;
    this.filter = filter;
    this.mapping = mapping;
    this.plan =
        ScanPlanner.plan(
            snapshot.tablePath(),
            snapshot.version(),
            snapshot.files(),
            columns,
            filter,
            EngineConfig.partitionTimeZone(snapshot.store().configuration()));
  }

  @Override
  public StructType readSchema() {
    return columns.output();
  }

  @Override
  public Predicate filter() {
    return filter;
  }

  @Override
  public List<AddFile> files() {
    return plan.files().stream().map(PlannedFile::add).toList();
  }

  /** Compressed Parquet bytes a row takes when no file of the scan says (only for estimates). */
  private static final double GUESSED_BYTES_PER_ROW = 64;

  @Override
  public ScanMetrics metrics() {
    return plan.metrics();
  }

  @Override
  public OptionalLong rowCountFromLog() {
    if (!plan.filterOnPartitionsOnly()) {
      return OptionalLong.empty();
    }
    long total = 0;
    for (PlannedFile f : plan.files()) {
      Long records = stats(f).numRecords();
      if (records == null) {
        return OptionalLong.empty();
      }
      total += records - deleted(f);
    }
    return OptionalLong.of(total);
  }

  @Override
  public long estimatedRowCount() {
    if (estimatedRows < 0) {
      estimatedRows = estimateRows();
    }
    return estimatedRows;
  }

  private long estimateRows() {
    long known = 0;
    long knownBytes = 0;
    long unknownBytes = 0;
    for (PlannedFile f : withStats()) {
      Long records = f.stats().numRecords();
      if (records == null) {
        unknownBytes += f.add().size();
      } else {
        known += records - deleted(f);
        knownBytes += f.add().size();
      }
    }
    if (unknownBytes == 0) {
      return known;
    }
    // files without statistics: as many rows per byte as the others have, or a guess of 64 bytes a
    // row
    double bytesPerRow =
        known > 0 && knownBytes > 0 ? (double) knownBytes / known : GUESSED_BYTES_PER_ROW;
    return known + (long) Math.ceil(unknownBytes / bytesPerRow);
  }

  @Override
  public OptionalLong distinctValuesBound(String column) {
    if (distinctBounds == null) {
      distinctBounds = DistinctBounds.of(columns, withStats(), estimatedRowCount());
    }
    int i = columns.read().indexOf(column);
    return i < 0 ? OptionalLong.empty() : distinctBounds[i];
  }

  /** The plan's files with their statistics parsed (planning parses only what skipping needs). */
  private List<PlannedFile> withStats() {
    if (withStats == null) {
      withStats =
          plan.files().stream()
              .map(
                  f ->
                      f.stats() == FileStats.NONE
                          ? new PlannedFile(f.add(), f.partitionValues(), stats(f))
                          : f)
              .toList();
    }
    return withStats;
  }

  private static FileStats stats(PlannedFile f) {
    return f.stats() == FileStats.NONE ? FileStats.parse(f.add().stats()) : f.stats();
  }

  private static long deleted(PlannedFile f) {
    return f.add().deletionVector() == null ? 0 : f.add().deletionVector().cardinality();
  }

  @Override
  public CloseableIterator<Row> rows() {
    return new ScanRows(fileReader(), columns, filter, plan.files());
  }

  @Override
  public List<ScanSplit> splits() {
    TableFileReader reader = fileReader();
    FilterPredicate parquetFilter = reader.parquetFilter(filter);
    long splitBytes = EngineConfig.splitBytes(snapshot.store().configuration());
    List<ScanSplit> splits = new ArrayList<>();
    for (PlannedFile f : plan.files()) {
      // a large file read column by column: one split per run of row groups, in file order
      for (RowGroupSplits.Part part : reader.parts(f.add(), splitBytes)) {
        splits.add(new FileSplit(reader, columns, filter, parquetFilter, f, part));
      }
    }
    return splits;
  }

  private TableFileReader fileReader() {
    return new TableFileReader(
        snapshot.store().configuration(),
        snapshot.root(),
        snapshot.tablePath(),
        columns,
        mapping.matching());
  }
}
