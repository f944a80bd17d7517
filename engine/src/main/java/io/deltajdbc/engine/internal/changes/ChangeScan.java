package io.deltajdbc.engine.internal.changes;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.files.RoaringBitmapArray;
import java.time.Instant;

/**
 * One file to read for the changes of one commit.
 *
 * @param file the file; its deletion vector, if any, leaves rows out as in a scan
 * @param changeType the change type of every row, or null for a change data file (whose rows carry
 *     their own {@code _change_type})
 * @param marked when not null, only the rows at these indexes are read (deletion vectors were
 *     compared), and {@code file} has no deletion vector
 * @param unmarked when {@code marked} is not null, rows at these indexes are left out (may be null)
 */
record ChangeScan(
    long version,
    Instant timestamp,
    AddFile file,
    String changeType,
    RoaringBitmapArray marked,
    RoaringBitmapArray unmarked) {

  boolean isChangeDataFile() {
    return changeType == null;
  }
}
