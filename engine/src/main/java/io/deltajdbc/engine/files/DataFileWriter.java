package io.deltajdbc.engine.files;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.Row;
import java.util.Iterator;
import java.util.List;

/**
 * Writes rows of one table version's schema into new Parquet data files (one per partition and size
 * limit, with the table's column mapping and per-file statistics) and returns their adds, for a
 * transaction to stage. Obtained from {@link TableFiles#writer()}.
 */
public interface DataFileWriter {

  /**
   * Writes rows (values in the table schema's column order); the adds carry paths relative to the
   * table.
   */
  List<AddFile> write(Iterator<Row> rows);
}
