package io.deltajdbc.engine.testing;

import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.CommitInfo;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.parquet.ParquetRowWriter;
import io.deltajdbc.engine.storage.HadoopLogStore;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.SchemaJson;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Builds small real tables for log tests: commit 0 creates an (id long, part string) table, and
 * each further commit appends one real Parquet file of ids. Stands in for the transaction API where
 * a test must control the log file by file.
 */
public final class LogFixture {
  public static final StructType SCHEMA =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, true),
          new StructField("part", PrimitiveType.STRING, true));

  private final Path root;
  private final Configuration conf;
  private final HadoopLogStore store;

  public LogFixture(Path root, Configuration conf) {
    this.root = root;
    this.conf = conf;
    this.store = new HadoopLogStore(conf);
  }

  public void create() throws IOException {
    commit(
        0,
        List.of(
            new CommitInfo(
                Map.of("timestamp", System.currentTimeMillis(), "operation", "CREATE TABLE")),
            new Protocol(1, 2),
            new Metadata(
                "fixture-table",
                null,
                null,
                null,
                SchemaJson.toJson(SCHEMA),
                List.of("part"),
                System.currentTimeMillis(),
                Map.of())));
  }

  /**
   * Commits {@code version} adding one file with ids [from, from + count) in partition {@code
   * part}.
   */
  public void append(long version, long from, int count, String part) throws IOException {
    String rel = "part=" + part + "/part-" + version + ".parquet";
    Path file = new Path(root, rel);
    StructType dataSchema = StructType.of(SCHEMA.field(0));
    try (ParquetWriter<Row> w =
        ParquetRowWriter.create(conf, file, dataSchema, false, CompressionCodecName.SNAPPY)) {
      for (long i = from; i < from + count; i++) {
        w.write(Row.of(i));
      }
    }
    long size = file.getFileSystem(conf).getFileStatus(file).getLen();
    String stats =
        "{\"numRecords\":"
            + count
            + ",\"minValues\":{\"id\":"
            + from
            + "},\"maxValues\":{\"id\":"
            + (from + count - 1)
            + "},\"nullCount\":{\"id\":0}}";
    commit(
        version,
        List.of(
            new CommitInfo(Map.of("timestamp", System.currentTimeMillis(), "operation", "WRITE")),
            new AddFile(
                rel,
                Map.of("part", part),
                size,
                System.currentTimeMillis(),
                true,
                stats,
                null,
                null,
                null,
                null,
                null)));
  }

  public void commit(long version, List<Action> actions) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Action a : actions) {
      lines.add(ActionJson.toJson(a));
    }
    store.write(
        FileNames.deltaFile(new Path(root, FileNames.LOG_DIR), version), lines.iterator(), false);
  }
}
