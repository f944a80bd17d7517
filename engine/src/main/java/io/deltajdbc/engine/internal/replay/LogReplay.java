package io.deltajdbc.engine.internal.replay;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.CommitInfo;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.FileKey;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.actions.SetTransaction;
import io.deltajdbc.engine.actions.Sidecar;
import io.deltajdbc.engine.internal.Cancellation;
import io.deltajdbc.engine.internal.checkpoint.CheckpointReader;
import io.deltajdbc.engine.internal.columnmapping.ColumnMapping;
import io.deltajdbc.engine.internal.log.CommitFile;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.log.LogContext;
import io.deltajdbc.engine.internal.log.LogSegment;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.storage.LogStore;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Replays a log segment into a {@link TableState}: the checkpoint's actions, then each commit in
 * version order. An update replays only the commits after an earlier state when no newer checkpoint
 * has appeared, so a refresh reads just the new commit files.
 */
public final class LogReplay {
  private final LogContext log;
  private final LogStore store;
  private final PathCanonicalizer paths;
  private final String tableName;

  public LogReplay(LogContext log, PathCanonicalizer paths) {
    this.log = requireNonNull(log, "log");
    this.store = log.store();
    this.paths = requireNonNull(paths, "paths");
    this.tableName = log.tableName();
  }

  /** The state of the segment's version, replayed from its checkpoint (or version 0). */
  public TableState replay(LogSegment segment) {
    Builder b = new Builder(segment.checkpointVersion());
    segment
        .checkpoint()
        .ifPresent(
            cp -> {
              CheckpointReader reader = new CheckpointReader(log);
              List<Sidecar> sidecars = reader.read(cp, b::applyCheckpointAction);
              if (b.hasFilesWithoutStats() && b.metadata != null) {
                reader.readParsedStats(cp, sidecars, b.physicalDataSchema(), b::attachStats);
              }
            });
    return b.applyCommits(segment.deltas()).build(segment.version());
  }

  /**
   * The state of {@code segment}'s version given the state of an earlier version. Valid when the
   * segment's checkpoint is not newer than {@code previous}; otherwise replays from scratch.
   */
  public TableState update(TableState previous, LogSegment segment) {
    if (segment.checkpointVersion() > previous.version()) {
      return replay(segment);
    }
    Builder b = new Builder(previous);
    List<FileInfo> newDeltas =
        segment.deltas().stream()
            .filter(d -> FileNames.parse(d.name()).version() > previous.version())
            .toList();
    return b.applyCommits(newDeltas).build(segment.version());
  }

  private final class Builder {
    private long currentVersion;
    private Protocol protocol;
    private Metadata metadata;
    private final Map<FileKey, AddFile> files;
    private final Map<FileKey, RemoveFile> tombstones;
    private final Map<String, SetTransaction> txns;
    private final Map<String, DomainMetadata> domains;
    private Long inCommitTimestamp;

    Builder(long checkpointVersion) {
      this.currentVersion = checkpointVersion;
      this.files = new LinkedHashMap<>();
      this.tombstones = new HashMap<>();
      this.txns = new HashMap<>();
      this.domains = new HashMap<>();
    }

    Builder(TableState s) {
      this.currentVersion = s.version();
      this.protocol = s.protocol();
      this.metadata = s.metadata();
      this.files = new LinkedHashMap<>(s.files());
      this.tombstones = new HashMap<>(s.tombstones());
      this.txns = new HashMap<>(s.transactions());
      this.domains = new HashMap<>(s.domains());
      this.inCommitTimestamp = s.inCommitTimestamp();
    }

    void applyCheckpointAction(Action a) {
      apply(a);
    }

    boolean hasFilesWithoutStats() {
      return files.values().stream().anyMatch(f -> f.stats() == null);
    }

    /** The table's data columns (partition columns have no statistics), keyed as statistics are. */
    StructType physicalDataSchema() {
      StructType schema = metadata.parseSchema();
      Set<String> partitions = new HashSet<>();
      metadata.partitionColumns().forEach(p -> partitions.add(p.toLowerCase(Locale.ROOT)));
      List<StructField> data =
          schema.fields().stream()
              .filter(f -> !partitions.contains(f.name().toLowerCase(Locale.ROOT)))
              .toList();
      return ColumnMapping.of(metadata).physicalSchema(new StructType(data));
    }

    /**
     * Gives a checkpoint file its statistics from {@code add.stats_parsed}, when it has no JSON
     * ones.
     */
    void attachStats(String path, DeletionVectorDescriptor dv, String json) {
      FileKey key = key(path, dv == null ? null : dv.uniqueId());
      AddFile f = files.get(key);
      if (f != null && f.stats() == null) {
        files.put(key, f.withStats(json));
      }
    }

    Builder applyCommits(List<FileInfo> deltas) {
      for (FileInfo delta : deltas) {
        long version = FileNames.parse(delta.name()).version();
        // a long log (thousands of commits) takes seconds: a canceled statement stops here
        Cancellation.check("replaying commit " + version + " of", tableName);
        List<String> lines;
        try {
          lines = store.readLines(delta.path());
        } catch (IOException e) {
          throw DeltaErrors.storage("reading commit", delta.path().toString(), e);
        }
        currentVersion = version;
        inCommitTimestamp = null;
        for (Action a : CommitFile.parse(tableName, version, delta.path().toString(), lines)) {
          apply(a);
        }
      }
      return this;
    }

    private void apply(Action a) {
      if (a instanceof AddFile add) {
        FileKey key = key(add.path(), add.key().deletionVectorId());
        files.put(key, add);
        tombstones.remove(key);
      } else if (a instanceof RemoveFile remove) {
        FileKey key = key(remove.path(), remove.key().deletionVectorId());
        files.remove(key);
        tombstones.put(key, remove);
      } else if (a instanceof Metadata m) {
        metadata = m;
      } else if (a instanceof Protocol p) {
        protocol = p;
      } else if (a instanceof SetTransaction t) {
        txns.put(t.appId(), t);
      } else if (a instanceof DomainMetadata d) {
        domains.put(d.domain(), d);
      } else if (a instanceof CommitInfo ci) {
        inCommitTimestamp = ci.inCommitTimestamp().orElse(null);
      }
      // cdc, checkpointMetadata: not part of the snapshot state.
    }

    private FileKey key(String path, String dvId) {
      return new FileKey(paths.key(path), dvId);
    }

    TableState build(long version) {
      if (protocol == null) {
        throw DeltaErrors.corruptLog(
            tableName,
            version,
            "no protocol action was found in the log up to this version"
                + (currentVersion >= 0 ? "" : "")
                + "; every table must have one.");
      }
      if (metadata == null) {
        throw DeltaErrors.corruptLog(
            tableName,
            version,
            "no metaData action was found in the log up to this version; every table must have one.");
      }
      return new TableState(
          version, protocol, metadata, files, tombstones, txns, domains, inCommitTimestamp);
    }
  }
}
