package io.deltajdbc.engine.files;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.FileAction;
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

  /** The name of the change type column of change data files (protocol: "Change Data Files"). */
  String CHANGE_TYPE = "_change_type";

  /**
   * Writes rows of the table's columns followed by a change type: a row whose change type is null
   * goes to a data file (an add), any other to a change data file under {@code _change_data/} (a
   * {@code cdc} action) with the type in its {@value #CHANGE_TYPE} column ({@code insert}, {@code
   * delete}, {@code update_preimage}, {@code update_postimage}).
   */
  List<FileAction> writeWithChanges(Iterator<Row> rows);
}
