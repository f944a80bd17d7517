package io.deltajdbc.engine.internal.checkpoint;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.log.LogContext;
import io.deltajdbc.engine.internal.parquet.ParquetRowWriter;
import io.deltajdbc.engine.internal.replay.TableState;
import io.deltajdbc.engine.storage.LogStore;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes a classic V1 checkpoint of a table state (protocol: "Checkpoints"): protocol, metadata,
 * transactions, live domain metadata, live files and unexpired tombstones, then points {@code
 * _last_checkpoint} at it. The Parquet file is written under a temporary name and renamed, so a
 * reader never sees a partial checkpoint.
 */
public final class CheckpointWriter {
  private final LogStore store;
  private final Path logPath;
  private final String tableName;

  public CheckpointWriter(LogContext log) {
    requireNonNull(log, "log");
    this.store = log.store();
    this.logPath = log.logPath();
    this.tableName = log.tableName();
  }

  /**
   * Actions per part above which a checkpoint is split into parts (Delta's checkpoint.partSize).
   */
  public static final String PART_SIZE = "deltajdbc.checkpoint.partSize";

  /**
   * Writes the checkpoint of {@code state}'s version: one file, or several parts when the state has
   * more actions than {@link #PART_SIZE}; then {@code _last_checkpoint}. Tombstones deleted before
   * {@code minTombstoneTimestamp} have expired and are left out. Each file is written under a
   * temporary name and renamed, so no reader sees a partial part.
   */
  public void write(TableState state, long minTombstoneTimestamp) {
    List<Row> rows = new ArrayList<>();
    rows.add(CheckpointActionEncoder.protocol(state.protocol()));
    rows.add(CheckpointActionEncoder.metadata(state.metadata()));
    state.transactions().values().forEach(t -> rows.add(CheckpointActionEncoder.txn(t)));
    state.liveDomains().values().forEach(d -> rows.add(CheckpointActionEncoder.domain(d)));
    var conf = state.metadata().configuration();
    boolean statsAsJson =
        !"false".equalsIgnoreCase(conf.getOrDefault("delta.checkpoint.writeStatsAsJson", "true"));
    boolean statsAsStruct =
        "true".equalsIgnoreCase(conf.getOrDefault("delta.checkpoint.writeStatsAsStruct", "false"));
    StructStats structs =
        statsAsStruct
            ? new StructStats(
                state.metadata(),
                io.deltajdbc.engine.EngineConfig.partitionTimeZone(store.configuration()))
            : null;
    StructType schema =
        structs == null
            ? CheckpointSchema.WRITE_SCHEMA
            : CheckpointSchema.writeSchemaWithStructs(
                structs.partitionSchema(), structs.statsSchema());
    for (AddFile a : state.files().values()) {
      Row add = CheckpointActionEncoder.add(statsAsJson ? a : a.withStats(null));
      if (structs != null) {
        Object[] addFields = ((Row) add.get(CheckpointSchema.ADD_COL)).toArray();
        List<Object> extended = new ArrayList<>(java.util.Arrays.asList(addFields));
        if (structs.partitionSchema().size() > 0) {
          extended.add(structs.partitionValues(a.partitionValues()));
        }
        extended.add(structs.stats(a.stats()));
        Object[] top = add.toArray();
        top[CheckpointSchema.ADD_COL] = Row.wrap(extended.toArray());
        add = Row.wrap(top);
      }
      rows.add(add);
    }
    for (RemoveFile r : state.tombstones().values()) {
      if (r.deletionTimestampOrZero() >= minTombstoneTimestamp) {
        rows.add(CheckpointActionEncoder.remove(r));
      }
    }
    long partSize = store.configuration().getLong(PART_SIZE, 1_000_000L);
    int parts = (int) Math.max(1, (rows.size() + partSize - 1) / partSize);
    long bytes = 0;
    try {
      for (int p = 1; p <= parts; p++) {
        Path target =
            parts == 1
                ? FileNames.classicCheckpoint(logPath, state.version())
                : FileNames.multipartCheckpoint(logPath, state.version(), p, parts);
        int from = (int) ((p - 1) * (long) rows.size() / parts);
        int to = (int) (p * (long) rows.size() / parts);
        bytes += writeFile(target, schema, rows.subList(from, to));
      }
      String last =
          "{\"version\":"
              + state.version()
              + ",\"size\":"
              + rows.size()
              + ",\"sizeInBytes\":"
              + bytes
              + ",\"numOfAddFiles\":"
              + state.files().size()
              + (parts > 1 ? ",\"parts\":" + parts : "")
              + "}";
      store.write(new Path(logPath, FileNames.LAST_CHECKPOINT), List.of(last).iterator(), true);
      dropStaleChecksum();
    } catch (IOException e) {
      throw DeltaErrors.storage(
          "writing the checkpoint of version " + state.version() + " of " + tableName + " in",
          logPath.toString(),
          e);
    }
  }

  /**
   * Deletes the Hadoop checksum another writer (delta-spark through Hadoop's checksummed local file
   * system) left beside {@code _last_checkpoint} on a local disk: it describes the file we just
   * replaced, and delta-spark would fail to verify the new one against it.
   */
  private void dropStaleChecksum() throws IOException {
    if (!"file".equals(logPath.toUri().getScheme())) {
      return;
    }
    Path crc = new Path(logPath, "." + FileNames.LAST_CHECKPOINT + ".crc");
    FileSystem fs = logPath.getFileSystem(store.configuration());
    if (fs.exists(crc)) {
      fs.delete(crc, false);
    }
  }

  private long writeFile(Path target, StructType schema, List<Row> rows) throws IOException {
    Path temp = new Path(logPath, "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    FileSystem fs = logPath.getFileSystem(store.configuration());
    try {
      try (ParquetWriter<Row> w =
          ParquetRowWriter.create(
              store.configuration(), temp, schema, false, CompressionCodecName.SNAPPY)) {
        for (Row r : rows) {
          w.write(r);
        }
      }
      long size = fs.getFileStatus(temp).getLen();
      fs.delete(
          target, false); // a racing writer's checkpoint of the same version holds the same state
      if (!fs.rename(temp, target)) {
        throw new IOException("could not rename " + temp + " to " + target);
      }
      return size;
    } finally {
      fs.delete(temp, false);
    }
  }
}
