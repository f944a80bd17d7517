package io.deltajdbc.tools.bench.peer;

import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;

/** delta-kernel-java 3.2.1 with its default engine (Hadoop file system, parquet-mr, Jackson). */
public final class KernelPeer {
  public static final String NAME = "delta-kernel-defaults 3.2.1";
  private final Engine engine = DefaultEngine.create(new Configuration());

  /** A handle on the table at {@code path}; kernel 3.2.1 keeps no state in it between snapshots. */
  public Table table(String path) {
    return Table.forPath(engine, path);
  }

  /**
   * The latest snapshot's number of active files, read from its scan files (the whole log replay).
   */
  public FileCount fileCount(Table table) throws IOException {
    Snapshot snapshot = table.getLatestSnapshot(engine);
    long n = 0;
    try (CloseableIterator<FilteredColumnarBatch> batches =
        snapshot.getScanBuilder(engine).build().getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            rows.next();
            n++;
          }
        }
      }
    }
    return new FileCount(snapshot.getVersion(engine), n);
  }

  /** The number of columns of the latest schema (protocol and metadata only, no file list). */
  public int columnCount(String path) {
    return table(path).getLatestSnapshot(engine).getSchema(engine).length();
  }
}
