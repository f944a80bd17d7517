package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;

/**
 * Opens a Parquet file's reader for the row and batch readers alike: the recorded length, the
 * filter (row groups, pages and records) when parquet-hadoop accepts it for this file, and a
 * tolerant footer when the recorded length is wrong or the footer has unknown annotations.
 */
public final class ParquetFileOpener {
  private ParquetFileOpener() {}

  /** An open reader, and the filter it applies (null: none). */
  public record Opened(ParquetFileReader reader, FilterPredicate filter) {}

  /** Opens {@code file} ({@code length} as the log records it, or -1). */
  public static Opened open(
      Configuration conf, Path file, long length, ParquetReadOptions options) {
    try {
      InputFile input =
          length >= 0
              ? HadoopInputFile.fromStatus(new FileStatus(length, false, 1, 0, 0, file), conf)
              : HadoopInputFile.fromPath(file, conf);
      ParquetFileReader reader;
      FilterPredicate filter = options.effectiveFilter();
      try {
        reader = openFiltered(input, conf, filter);
        if (reader == null
            || !ParquetFilters.appliesTo(filter, reader.getFileMetaData().getSchema())) {
          closeQuietly(reader);
          filter = null;
          reader = openReader(input, conf, null);
        }
      } catch (FileNotFoundException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // A recorded length that is wrong, or a footer with annotations this parquet-hadoop does
        // not know: read the footer again from the file's real length, tolerantly.
        ParquetMetadata footer = TolerantFooter.read(HadoopInputFile.fromPath(file, conf));
        reader = new ParquetFileReader(conf, file, footer);
        filter = null;
      }
      return new Opened(reader, filter);
    } catch (FileNotFoundException e) {
      throw DeltaErrors.corruptData(
          options.tablePath(),
          file.toString(),
          "the data file does not exist. The table's log names a file that was deleted outside of Delta "
              + "(or by VACUUM with a short retention); restore it or read an older version.",
          e);
    } catch (IOException e) {
      throw DeltaErrors.storage("opening Parquet file", file.toString(), e);
    } catch (DeltaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DeltaErrors.corruptData(
          options.tablePath(),
          file.toString(),
          "not a readable Parquet file: " + e.getMessage(),
          e);
    }
  }

  private static ParquetFileReader openReader(
      InputFile in, Configuration conf, FilterPredicate filter) throws IOException {
    HadoopReadOptions.Builder b = HadoopReadOptions.builder(conf);
    if (filter != null) {
      b.withRecordFilter(FilterCompat.get(filter))
          .useStatsFilter(true)
          .useDictionaryFilter(true)
          .useColumnIndexFilter(true)
          .useRecordFilter(true);
    }
    return ParquetFileReader.open(in, b.build());
  }

  /**
   * Opens with the filter, or returns null when there is none or parquet-hadoop refuses it for this
   * file (a column stored as another type than the filter's: decimals as fixed-length bytes).
   */
  private static ParquetFileReader openFiltered(
      InputFile in, Configuration conf, FilterPredicate filter) throws IOException {
    if (filter == null) {
      return null;
    }
    try {
      return openReader(in, conf, filter);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Closes {@code reader} (may be null), ignoring a failure: nothing is lost by a failed close. */
  public static void closeQuietly(ParquetFileReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (IOException ignored) {
      // read-only
    }
  }
}
