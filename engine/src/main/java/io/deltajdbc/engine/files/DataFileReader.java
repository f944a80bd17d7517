package io.deltajdbc.engine.files;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.types.StructType;

/**
 * Opens data files of one table version as logical rows of the read columns: values from Parquet
 * (by physical name or field id under column mapping), partition values from the log, the rows of
 * the file's deletion vector left out. Obtained from {@link TableFiles#reader}.
 */
public interface DataFileReader {

  /** The read columns, in the order rows hold them. */
  StructType schema();

  /**
   * The file's partition values as typed values, in {@link #schema()} order (null for data
   * columns).
   */
  Object[] partitionValues(AddFile file);

  /** The file's live rows. */
  FileRows open(AddFile file);
}
