package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.Scan;
import io.deltajdbc.engine.ScanSplit;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.internal.columnmapping.ColumnMapping;
import io.deltajdbc.engine.internal.skipping.FileStats;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.engine.internal.parquet.batch.RowGroupSplits;
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

  ScanImpl(SnapshotImpl snapshot, ScanColumns columns, Predicate filter, ColumnMapping mapping) {
    this.snapshot = snapshot;
    this.columns = columns;
    this.filter = filter;
    this.mapping = mapping;
    this.plan = ScanPlanner.plan(snapshot.tablePath(), snapshot.version(), snapshot.files(), columns, filter,
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
      FileStats stats = f.stats() == FileStats.NONE ? FileStats.parse(f.add().stats()) : f.stats();
      if (stats.numRecords() == null) {
        return OptionalLong.empty();
      }
      total += stats.numRecords() - (f.add().deletionVector() == null ? 0 : f.add().deletionVector().cardinality());
    }
    return OptionalLong.of(total);
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
    return new TableFileReader(snapshot.store().configuration(), snapshot.root(), snapshot.tablePath(), columns,
        mapping.matching());
  }
}
