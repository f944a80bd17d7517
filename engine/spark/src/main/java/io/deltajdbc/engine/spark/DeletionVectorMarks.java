package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.files.DeletionVectorWriter;
import io.deltajdbc.engine.files.RoaringBitmapArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.functions;

/**
 * Deletes rows by deletion vectors instead of rewriting their files (protocol: "Deletion Vectors"),
 * on tables with {@code delta.enableDeletionVectors} and the feature: each touched file's deleted
 * row indexes (its old vector's and the new ones) go into one new deletion vector file, and the
 * file is removed and re-added with its new descriptor and statistics marked as no longer tight. A
 * file whose every row is deleted is simply removed.
 */
final class DeletionVectorMarks {
  /** The removes and re-adds to commit, and delta-spark's deletion vector counters. */
  record Result(
      List<AddFile> removed,
      List<AddFile> added,
      int vectorsAdded,
      int vectorsUpdated,
      int filesRemoved) {}

  private DeletionVectorMarks() {}

  static boolean enabled(Snapshot s) {
    return "true"
            .equalsIgnoreCase(s.properties().getOrDefault("delta.enableDeletionVectors", "false"))
        && s.protocol().hasWriterFeature("deletionVectors");
  }

  /**
   * Marks deleted the rows of {@code rows} (columns {@link FileScan#FILE}, {@link
   * FileScan#ROW_INDEX}).
   */
  static Result mark(
      DmlContext ctx, List<AddFile> touched, Dataset<org.apache.spark.sql.Row> rows) {
    Map<String, List<Long>> byFile = new HashMap<>();
    for (org.apache.spark.sql.Row r :
        rows.groupBy(FileScan.FILE)
            .agg(functions.collect_list(functions.col(FileScan.ROW_INDEX)))
            .collectAsList()) {
      byFile.put(r.getString(0), r.getList(1));
    }
    List<AddFile> removed = new ArrayList<>();
    List<AddFile> added = new ArrayList<>();
    int vectorsAdded = 0;
    int vectorsUpdated = 0;
    int filesRemoved = 0;
    DeletionVectorWriter writer = null;
    try {
      for (AddFile f : touched) {
        List<Long> indexes = byFile.get(f.path());
        if (indexes == null) {
          continue;
        }
        RoaringBitmapArray deleted = ctx.table.deletedRows(f);
        indexes.forEach(deleted::add);
        removed.add(f);
        Long records = FileStats.parse(f.stats()).numRecords();
        if (records != null && deleted.cardinality() >= records) {
          filesRemoved++;
          continue;
        }
        if (writer == null) {
          writer = ctx.table.deletionVectorWriter();
        }
        DeletionVectorDescriptor dv = writer.write(deleted);
        added.add(
            new AddFile(
                f.path(),
                f.partitionValues(),
                f.size(),
                f.modificationTime(),
                true,
                FileStats.withLooseBounds(f.stats()),
                f.tags(),
                dv,
                f.baseRowId(),
                f.defaultRowCommitVersion(),
                f.clusteringProvider()));
        if (f.deletionVector() == null) {
          vectorsAdded++;
        } else {
          vectorsUpdated++;
        }
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
    return new Result(removed, added, vectorsAdded, vectorsUpdated, filesRemoved);
  }

  static void metrics(Map<String, String> m, Result r, String prefix) {
    m.put(prefix + "DeletionVectorsAdded", Integer.toString(r.vectorsAdded()));
    m.put(prefix + "DeletionVectorsRemoved", Integer.toString(r.vectorsUpdated()));
    m.put(prefix + "DeletionVectorsUpdated", Integer.toString(r.vectorsUpdated()));
  }
}
