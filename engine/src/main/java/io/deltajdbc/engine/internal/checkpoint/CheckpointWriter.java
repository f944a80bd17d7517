package io.deltajdbc.engine.internal.checkpoint;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.actions.SetTransaction;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.DeltaErrors;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.parquet.ParquetRowWriter;
import io.deltajdbc.engine.internal.replay.TableState;
import io.deltajdbc.engine.storage.LogStore;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes a classic V1 checkpoint of a table state (protocol: "Checkpoints"): protocol, metadata,
 * transactions, live domain metadata, live files and unexpired tombstones, then points
 * {@code _last_checkpoint} at it. The Parquet file is written under a temporary name and renamed,
 * so a reader never sees a partial checkpoint.
 */
public final class CheckpointWriter {
  private final LogStore store;
  private final Path logPath;
  private final String tableName;

  public CheckpointWriter(LogStore store, Path logPath, String tableName) {
    this.store = requireNonNull(store, "store");
    this.logPath = requireNonNull(logPath, "logPath");
    this.tableName = requireNonNull(tableName, "tableName");
  }

  /**
   * Writes the checkpoint of {@code state}'s version. Tombstones deleted before
   * {@code minTombstoneTimestamp} have expired and are left out.
   */
  public void writeClassic(TableState state, long minTombstoneTimestamp) {
    Path target = FileNames.classicCheckpoint(logPath, state.version());
    Path temp = new Path(logPath, "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    long rows = 0;
    try {
      FileSystem fs = logPath.getFileSystem(store.configuration());
      try (ParquetWriter<Row> w = ParquetRowWriter.create(store.configuration(), temp,
          CheckpointSchema.WRITE_SCHEMA, false, CompressionCodecName.SNAPPY)) {
        w.write(CheckpointActionEncoder.protocol(state.protocol()));
        w.write(CheckpointActionEncoder.metadata(state.metadata()));
        rows += 2;
        for (SetTransaction t : state.transactions().values()) {
          w.write(CheckpointActionEncoder.txn(t));
          rows++;
        }
        for (var d : state.liveDomains().values()) {
          w.write(CheckpointActionEncoder.domain(d));
          rows++;
        }
        for (AddFile a : state.files().values()) {
          w.write(CheckpointActionEncoder.add(a));
          rows++;
        }
        for (RemoveFile r : state.tombstones().values()) {
          if (r.deletionTimestampOrZero() >= minTombstoneTimestamp) {
            w.write(CheckpointActionEncoder.remove(r));
            rows++;
          }
        }
      }
      long size = fs.getFileStatus(temp).getLen();
      fs.delete(target, false); // a racing writer's checkpoint of the same version holds the same state
      if (!fs.rename(temp, target)) {
        throw new IOException("could not rename " + temp + " to " + target);
      }
      String last = "{\"version\":" + state.version() + ",\"size\":" + rows + ",\"sizeInBytes\":" + size
          + ",\"numOfAddFiles\":" + state.files().size() + "}";
      store.write(new Path(logPath, FileNames.LAST_CHECKPOINT), List.of(last).iterator(), true);
    } catch (IOException e) {
      throw DeltaErrors.storage("writing checkpoint of " + tableName + " at", target.toString(), e);
    } finally {
      try {
        temp.getFileSystem(store.configuration()).delete(temp, false);
      } catch (IOException ignored) {
        // best effort: a leftover hidden temporary file is ignored by every reader
      }
    }
  }
}
