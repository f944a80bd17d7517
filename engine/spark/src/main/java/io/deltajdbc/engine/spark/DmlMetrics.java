package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.actions.AddFile;
import java.util.Collection;
import java.util.Map;

/** The file-level operation metrics delta-spark records for DELETE and UPDATE. */
final class DmlMetrics {
  private DmlMetrics() {}

  static void files(Map<String, String> m, Collection<AddFile> removed, Collection<AddFile> added) {
    m.put("numRemovedFiles", Integer.toString(removed.size()));
    m.put("numAddedFiles", Integer.toString(added.size()));
    m.put("numAddedChangeFiles", "0");
    m.put("numRemovedBytes", Long.toString(removed.stream().mapToLong(AddFile::size).sum()));
    m.put("numAddedBytes", Long.toString(added.stream().mapToLong(AddFile::size).sum()));
    m.put("numDeletionVectorsAdded", "0");
    m.put("numDeletionVectorsRemoved", "0");
    m.put("numDeletionVectorsUpdated", "0");
  }
}
