package io.deltajdbc.engine.changes;

import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes of a resolved range of versions, from {@link io.deltajdbc.engine.DeltaTable#changes}.
 * The range was checked when this was made; the rows are read when {@link #rows()} is iterated,
 * commit by commit, file by file.
 */
public interface TableChanges {

  /** The table's columns (of the latest version), then {@link ChangeColumns}' three. */
  StructType schema();

  /** The first version read; for an empty range, the first version after it. */
  long startVersion();

  /** The last version read (at most the latest); below {@link #startVersion()} when empty. */
  long endVersion();

  /** The change rows, in commit order, values in {@link #schema()} order. */
  CloseableIterator<Row> rows();

  /** Every change row, read at once. */
  default List<Row> toList() {
    List<Row> out = new ArrayList<>();
    try (CloseableIterator<Row> it = rows()) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }
}
