package io.deltajdbc.engine.internal.utilities;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.files.TableFiles;
import io.deltajdbc.engine.internal.scan.FileRowIterator;
import io.deltajdbc.engine.internal.scan.TableFileReader;
import io.deltajdbc.engine.internal.write.TableFileWriter;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.engine.utilities.OptimizeBin;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Rewrites one {@link OptimizeBin}: its files' live rows read (deletion vectors applied), Z-ordered
 * when it names columns, and written as one new file (Z-order: {@code totalSize / maxFileSize}
 * files of consecutive rows), as delta-spark's {@code OptimizeExecutor} writes a bin. The rows of a
 * bin are held in memory.
 */
public final class BinRewriter {
  /** delta-spark's {@code spark.databricks.io.skipping.mdc.rangeId.max}. */
  private static final int RANGE_IDS = 1000;

  private BinRewriter() {}

  public static List<AddFile> rewrite(OptimizeBin bin) {
    TableFiles files = bin.files();
    Metadata metadata = files.metadata();
    Path root = new Path(files.root());
    TableFileReader reader =
        TableFileReader.allColumns(files.configuration(), root, files.tablePath(), metadata);
    Configuration writeConf = files.configuration();
    writeConf.setLong("deltajdbc.write.targetFileSize", Long.MAX_VALUE); // one file per bin
    TableFileWriter writer =
        new TableFileWriter(
            writeConf, root, files.tablePath(), metadata, files.deletionVectorsSupported());
    List<AddFile> bins = bin.addFiles();
    List<Row> rows = read(reader, bins);
    List<AddFile> added = new ArrayList<>();
    if (bin.zOrderBy().isEmpty()) {
      writer.write(rows.iterator()).forEach(a -> added.add(a.withDataChange(false)));
      return added;
    }
    StructType schema = metadata.parseSchema();
    rows = ZOrder.sort(rows, bin.zOrderBy().stream().map(schema::indexOf).toList(), RANGE_IDS);
    long total = bins.stream().mapToLong(AddFile::size).sum();
    int outputs = (int) Math.max(1, Math.min(rows.size(), total / bin.maxFileSize()));
    for (int k = 0; k < outputs; k++) {
      List<Row> chunk =
          rows.subList(
              (int) ((long) rows.size() * k / outputs),
              (int) ((long) rows.size() * (k + 1) / outputs));
      writer.write(chunk.iterator()).forEach(a -> added.add(a.withDataChange(false)));
    }
    return added;
  }

  private static List<Row> read(TableFileReader reader, List<AddFile> files) {
    List<Row> rows = new ArrayList<>();
    for (AddFile f : files) {
      try (FileRowIterator it = reader.open(f)) {
        while (it.hasNext()) {
          rows.add(it.next());
        }
      }
    }
    return rows;
  }
}
