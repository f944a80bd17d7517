package io.deltajdbc.engine.internal.checkpoint;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.Sidecar;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.checkpoint.columnar.ColumnarCheckpointFile;
import io.deltajdbc.engine.internal.log.CheckpointInstance;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.log.LogContext;
import io.deltajdbc.engine.internal.log.LogFileName;
import io.deltajdbc.engine.internal.parquet.CloseableRowIterator;
import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.internal.parquet.ParquetReadOptions;
import io.deltajdbc.engine.internal.parquet.ParquetRowReader;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.storage.LogStore;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;

/**
 * Reads the actions of a checkpoint: classic and multi-part Parquet files, and V2 checkpoints (a
 * JSON or Parquet manifest whose sidecar files under {@code _delta_log/_sidecars/} hold the file
 * actions). Every file of the checkpoint is opened exactly once.
 */
public final class CheckpointReader {
  private final LogStore store;
  private final Path logPath;
  private final String tableName;
  private final boolean columnar;

  public CheckpointReader(LogContext log) {
    this(log, true);
  }

  /**
   * A reader that decodes checkpoint files column by column ({@code columnar}, the default), or
   * assembles their rows with the row reader (the fallback, kept for files of other encodings).
   */
  CheckpointReader(LogContext log, boolean columnar) {
    requireNonNull(log, "log");
    this.store = log.store();
    this.logPath = log.logPath();
    this.tableName = log.tableName();
    this.columnar = columnar;
  }

  /**
   * Streams every action of the checkpoint, sidecars included, into {@code sink}; returns the
   * sidecars.
   */
  public List<Sidecar> read(CheckpointInstance checkpoint, Consumer<Action> sink) {
    List<Sidecar> sidecars = new ArrayList<>();
    Consumer<Action> collecting =
        a -> {
          if (a instanceof Sidecar s) {
            sidecars.add(s);
          } else {
            sink.accept(a);
          }
        };
    for (FileInfo file : checkpoint.files()) {
      if (checkpoint.kind() == LogFileName.Kind.V2_CHECKPOINT && file.name().endsWith(".json")) {
        readJson(checkpoint.version(), file, collecting);
      } else {
        readActions(checkpoint.version(), file, collecting);
      }
    }
    for (Sidecar s : sidecars) {
      readActions(
          checkpoint.version(),
          new FileInfo(sidecarPath(s), s.sizeInBytes(), s.modificationTime()),
          sink);
    }
    return sidecars;
  }

  /**
   * The actions of one checkpoint or sidecar Parquet file, column by column when the reader can.
   */
  void readActions(long version, FileInfo file, Consumer<Action> sink) {
    boolean done;
    try {
      done =
          columnar
              && ColumnarCheckpointFile.read(
                  store.configuration(), file.path(), file.size(), tableName, sink);
    } catch (io.deltajdbc.engine.DeltaException e) {
      throw unreadable(version, file, e);
    }
    if (!done) {
      readParquet(
          version,
          file,
          CheckpointSchema.READ_SCHEMA,
          row -> CheckpointActionDecoder.decode(row, sink));
    }
  }

  /**
   * Reads {@code add.stats_parsed} of every checkpoint file (a second pass, only for checkpoints
   * that keep statistics as a struct and not as JSON), giving each file's statistics as JSON.
   */
  public void readParsedStats(
      CheckpointInstance checkpoint,
      List<Sidecar> sidecars,
      StructType physicalDataSchema,
      StatsSink sink) {
    StructType schema = CheckpointSchema.statsParsedReadSchema(physicalDataSchema);
    StructType parsedSchema = (StructType) ((StructType) schema.field(0).type()).field(2).type();
    Consumer<Row> adds =
        row -> {
          Row add = (Row) row.get(0);
          if (add != null && add.get(0) != null) {
            String json = ParsedStats.toJson((Row) add.get(2), parsedSchema);
            if (json != null) {
              sink.accept((String) add.get(0), CheckpointActionDecoder.dv((Row) add.get(1)), json);
            }
          }
        };
    for (FileInfo file : checkpoint.files()) {
      if (!file.name().endsWith(".json")) {
        readParquet(checkpoint.version(), file, schema, adds);
      }
    }
    for (Sidecar s : sidecars) {
      readParquet(
          checkpoint.version(),
          new FileInfo(sidecarPath(s), s.sizeInBytes(), s.modificationTime()),
          schema,
          adds);
    }
  }

  /** Receives one file's statistics: its path, deletion vector and JSON statistics. */
  @FunctionalInterface
  public interface StatsSink {
    void accept(
        String path, io.deltajdbc.engine.actions.DeletionVectorDescriptor dv, String statsJson);
  }

  /** A sidecar's path: relative to {@code _delta_log/_sidecars/}, or absolute. */
  public Path sidecarPath(Sidecar s) {
    URI uri = URI.create(s.path().replace(" ", "%20"));
    if (uri.isAbsolute() || s.path().startsWith("/")) {
      return new Path(uri);
    }
    return new Path(new Path(logPath, FileNames.SIDECAR_DIR), s.path());
  }

  private void readJson(long version, FileInfo file, Consumer<Action> sink) {
    List<String> lines;
    try {
      lines = store.readLines(file.path());
    } catch (IOException e) {
      throw DeltaErrors.storage("reading checkpoint", file.path().toString(), e);
    }
    for (String line : lines) {
      Action a;
      try {
        a = ActionJson.parse(line);
      } catch (IllegalArgumentException e) {
        throw DeltaErrors.corruptLog(
            tableName,
            version,
            "checkpoint " + file.name() + " has an invalid line: " + e.getMessage(),
            e);
      }
      if (a != null) {
        sink.accept(a);
      }
    }
  }

  private void readParquet(long version, FileInfo file, StructType schema, Consumer<Row> sink) {
    try (CloseableRowIterator rows =
        ParquetRowReader.open(
            store.configuration(),
            file.path(),
            file.size(),
            schema,
            new ParquetReadOptions(ColumnMatching.BY_NAME, null, tableName))) {
      while (rows.hasNext()) {
        sink.accept(rows.next());
      }
    } catch (io.deltajdbc.engine.DeltaException e) {
      throw unreadable(version, file, e);
    }
  }

  /**
   * A checkpoint file that cannot be decoded is a corrupt log; other failures (storage) stay as
   * they are.
   */
  private io.deltajdbc.engine.DeltaException unreadable(
      long version, FileInfo file, io.deltajdbc.engine.DeltaException e) {
    if (e.code() == io.deltajdbc.engine.ErrorCode.CORRUPT_DATA) {
      return DeltaErrors.corruptLog(
          tableName,
          version,
          "checkpoint file "
              + file.path()
              + " cannot be read: "
              + e.getMessage()
              + " A checkpoint that is named by the log must be complete and readable.",
          e);
    }
    return e;
  }
}
