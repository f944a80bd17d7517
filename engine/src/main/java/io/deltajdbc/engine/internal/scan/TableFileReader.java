package io.deltajdbc.engine.internal.scan;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.ColumnBatch;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.files.DataFileReader;
import io.deltajdbc.engine.files.RoaringBitmapArray;
import io.deltajdbc.engine.internal.columnmapping.ColumnMapping;
import io.deltajdbc.engine.internal.dv.DeletionVectorLoader;
import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.FileRange;
import io.deltajdbc.engine.internal.parquet.ParquetFilters;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.internal.parquet.ParquetRowReader;
import io.deltajdbc.engine.internal.parquet.batch.ParquetBatchReader;
import io.deltajdbc.engine.internal.parquet.batch.RowGroupSplits;
import io.deltajdbc.engine.internal.replay.PathCanonicalizer;
import io.deltajdbc.engine.types.StructType;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongPredicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.filter2.predicate.FilterPredicate;

/**
 * Opens one data file of a table as logical rows of the read columns: values from Parquet (by
 * physical name or field id under column mapping), partition values from the log, rows of the
 * file's deletion vector left out. Scans use it file after file; the Spark backend uses it inside
 * tasks, where there is no snapshot, only the table's metadata.
 */
public final class TableFileReader implements DataFileReader {
  private final Configuration conf;
  private final Path root;
  private final String tablePath;
  private final ScanColumns columns;
  private final ColumnMatching matching;
  private final PathCanonicalizer paths;
  private final ZoneId zone;
  private final boolean columnar;

  TableFileReader(
      Configuration conf,
      Path root,
      String tablePath,
      ScanColumns columns,
      ColumnMatching matching) {
    this.conf = requireNonNull(conf, "conf");
    this.root = requireNonNull(root, "root");
    this.tablePath = requireNonNull(tablePath, "tablePath");
    this.columns = requireNonNull(columns, "columns");
    this.matching = requireNonNull(matching, "matching");
    this.paths = new PathCanonicalizer(root);
    this.zone = EngineConfig.partitionTimeZone(conf);
    this.columnar =
        EngineConfig.columnarScans(conf) && ParquetBatchReader.supports(columns.dataSchema());
  }

  /** Rows per batch when the caller does not choose. */
  static final int DEFAULT_BATCH_SIZE = 4096;

  /** The table's path, as errors name it. */
  String tablePath() {
    return tablePath;
  }

  /** A reader of every column of the table, in schema order ({@code root} must be qualified). */
  public static TableFileReader allColumns(
      Configuration conf, Path root, String tablePath, Metadata metadata) {
    ColumnMapping mapping = ColumnMapping.of(metadata);
    ScanColumns cols =
        new ScanColumns(
            tablePath,
            metadata.parseSchema(),
            metadata.partitionColumns(),
            mapping,
            null,
            List.of());
    return new TableFileReader(conf, root, tablePath, cols, mapping.matching());
  }

  /**
   * A reader of the named columns of the table only (top-level names as the schema spells them, in
   * the order given): the other columns' chunks are not read.
   */
  public static TableFileReader columns(
      Configuration conf, Path root, String tablePath, Metadata metadata, List<String> columns) {
    ColumnMapping mapping = ColumnMapping.of(metadata);
    ScanColumns cols =
        new ScanColumns(
            tablePath,
            metadata.parseSchema(),
            metadata.partitionColumns(),
            mapping,
            columns,
            List.of());
    return new TableFileReader(conf, root, tablePath, cols, mapping.matching());
  }

  /** The schema of the rows {@link #open} returns. */
  public StructType schema() {
    return columns.read();
  }

  /** The file's partition values, decoded, in read-column order (null at data columns). */
  public Object[] partitionValues(AddFile add) {
    return ScanPlanner.partitionValues(tablePath, -1, add, columns, zone);
  }

  /**
   * The file's live rows; {@link FileRowIterator#rowIndex()} tells each one's position in the file.
   */
  public FileRowIterator open(AddFile add) {
    return open(add, partitionValues(add));
  }

  FileRowIterator open(AddFile add, Object[] partitionValues) {
    return open(add, partitionValues, null);
  }

  /**
   * The Parquet filter of a scan's predicate over this reader's columns (null when none can be
   * stated): partition columns are left to the scan, which already pruned by them.
   */
  FilterPredicate parquetFilter(Predicate predicate) {
    if (predicate == null) {
      return null;
    }
    return ParquetFilters.of(
        predicate,
        c -> {
          if (columns.isPartition(c)) {
            return null;
          }
          ScanColumns.StatsPath p = columns.statsPath(c);
          return p == null || p.physical().size() != 1
              ? null
              : new ParquetFilters.FileColumn(p.physical().get(0), p.type());
        });
  }

  /**
   * The file's live rows, leaving out those that {@code filter} (see {@link #parquetFilter}) rules
   * out.
   */
  FileRowIterator open(AddFile add, Object[] partitionValues, FilterPredicate filter) {
    ParquetRowReader reader =
        ParquetRowReader.open(
            conf,
            paths.absolute(add.path()),
            add.size(),
            columns.dataSchema(),
            options(add, filter));
    return new FileRowIterator(reader, columns, partitionValues);
  }

  /** True when the read columns are all flat, so that files are decoded column by column. */
  boolean columnar() {
    return columnar;
  }

  /**
   * The file's live rows as batches of the read columns; {@code filter} rules out row groups (and
   * possibly rows) that cannot match, the caller evaluates the exact predicate.
   */
  CloseableIterator<ColumnBatch> openBatches(
      AddFile add, Object[] partitionValues, FilterPredicate filter, int batchSize) {
    return openBatches(add, partitionValues, filter, batchSize, FileRange.ALL);
  }

  /**
   * As {@link #openBatches(AddFile, Object[], FilterPredicate, int)}, the row groups of {@code
   * range} only.
   */
  CloseableIterator<ColumnBatch> openBatches(
      AddFile add,
      Object[] partitionValues,
      FilterPredicate filter,
      int batchSize,
      FileRange range) {
    ParquetReadOptions options = options(add, filter);
    Path file = paths.absolute(add.path());
    BatchSource source = null;
    if (columnar) {
      ParquetBatchReader batches =
          ParquetBatchReader.open(
              conf, file, add.size(), columns.dataSchema(), options, batchSize, range);
      if (batches != null) {
        source =
            new BatchSource() {
              @Override
              public ColumnBatch next() {
                return batches.next();
              }

              @Override
              public void close() {
                batches.close();
              }
            };
      }
    }
    if (source == null && !range.equals(FileRange.ALL)) {
      // parts are planned only for files the batch reader reads (see parts()): the file changed
      throw DeltaErrors.corruptData(
          tablePath,
          file.toString(),
          "the file's row groups "
              + range
              + " cannot be read by the columnar reader, although its footer said so when the scan was planned",
          null);
    }
    if (source == null) {
      // nested columns, or an encoding the columnar reader does not decode: the record reader's
      // rows
      source =
          new RecordBatches(
              ParquetRowReader.open(conf, file, add.size(), columns.dataSchema(), options),
              columns.dataSchema(),
              batchSize);
    }
    return new TableBatches(source, columns, partitionValues);
  }

  /**
   * The parts a scan reads {@code add} as: several runs of row groups of about {@code splitBytes}
   * when the file is larger and read column by column, else the whole file. Reads the footer of
   * large files only.
   */
  List<RowGroupSplits.Part> parts(AddFile add, long splitBytes) {
    if (!columnar || add.size() <= splitBytes) {
      return List.of(new RowGroupSplits.Part(FileRange.ALL, -1));
    }
    return RowGroupSplits.of(
        conf,
        paths.absolute(add.path()),
        add.size(),
        columns.dataSchema(),
        new ParquetReadOptions(matching, null, tablePath),
        splitBytes);
  }

  private ParquetReadOptions options(AddFile add, FilterPredicate filter) {
    LongPredicate deleted = null;
    if (add.deletionVector() != null) {
      RoaringBitmapArray bitmap =
          DeletionVectorLoader.load(conf, root, add.deletionVector(), tablePath);
      deleted = bitmap::contains;
    }
    return new ParquetReadOptions(matching, deleted, tablePath, filter);
  }
}
