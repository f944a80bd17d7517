package io.deltajdbc.engine;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.types.StructType;
import java.util.List;
import java.util.OptionalLong;

/** A planned read of a snapshot: the files that may hold matching rows, and the rows themselves. */
public interface Scan {

  /** The schema of the returned rows. */
  StructType readSchema();

  /** The filter the rows satisfy, if any. */
  Predicate filter();

  /** The files left after partition pruning and statistics skipping. */
  List<AddFile> files();

  /** How many files were considered, pruned by partition values and skipped by statistics. */
  ScanMetrics metrics();

  /**
   * The number of matching rows when the log alone tells it (no filter, or a filter on partition
   * columns only, and statistics with numRecords on every file): no data file is opened.
   */
  OptionalLong rowCountFromLog();

  /**
   * How many rows the files to read hold, for planners: {@code numRecords} from the log minus
   * deleted rows, and for files without statistics an estimate from their size. The filter is not
   * applied beyond pruning and skipping.
   */
  long estimatedRowCount();

  /**
   * An upper bound, for planners, on the distinct non-null values of a read column in the files to
   * read, from the log alone: the partition values of a partition column; for an integer or date
   * column the span of its statistics' bounds, at most {@link #estimatedRowCount()}; empty for
   * other columns or when a file lacks the bounds.
   */
  OptionalLong distinctValuesBound(String column);

  /** Streams the matching rows; close the iterator to release open files. */
  CloseableIterator<Row> rows();

  /**
   * The files of {@link #files()} as splits, in the same order: reading every split's {@link
   * ScanSplit#rows()} one after the other gives {@link #rows()}. A file larger than {@link
   * EngineConfig#SCAN_SPLIT_BYTES} that is read column by column is several consecutive splits,
   * each a run of its row groups; other files are one split each.
   */
  List<ScanSplit> splits();

  /** Counters of a scan's planning. */
  record ScanMetrics(
      int filesInSnapshot, int prunedByPartition, int skippedByStats, int filesToRead) {}
}
