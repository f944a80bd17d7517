package io.deltajdbc.engine.internal.snapshot;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.ScanBuilder;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.actions.SetTransaction;
import io.deltajdbc.engine.files.TableFiles;
import io.deltajdbc.engine.internal.log.LogSegment;
import io.deltajdbc.engine.internal.replay.PathCanonicalizer;
import io.deltajdbc.engine.internal.replay.TableState;
import io.deltajdbc.engine.internal.scan.ScanBuilderImpl;
import io.deltajdbc.engine.storage.LogStore;
import io.deltajdbc.engine.types.StructType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/** A snapshot over a replayed {@link TableState}; the schema is parsed once. */
public final class SnapshotImpl implements Snapshot {
  private final String tablePath;
  private final Path root;
  private final LogStore store;
  private final LogSegment segment;
  private final TableState state;
  private final long timestamp;
  private final StructType schema;
  private final PathCanonicalizer paths;

  SnapshotImpl(
      String tablePath,
      Path root,
      LogStore store,
      LogSegment segment,
      TableState state,
      long timestamp,
      PathCanonicalizer paths) {
    this.tablePath = requireNonNull(tablePath, "tablePath");
    this.root = requireNonNull(root, "root");
    this.store = requireNonNull(store, "store");
    this.segment = requireNonNull(segment, "segment");
    this.state = requireNonNull(state, "state");
    this.timestamp = timestamp;
    this.paths = requireNonNull(paths, "paths");
    try {
      this.schema = state.metadata().parseSchema();
    } catch (IllegalArgumentException e) {
      throw DeltaErrors.corruptLog(
          tablePath, state.version(), "the table schema cannot be parsed: " + e.getMessage(), e);
    }
  }

  @Override
  public String tablePath() {
    return tablePath;
  }

  @Override
  public TableFiles tableFiles() {
    Map<String, String> conf = new HashMap<>();
    for (Map.Entry<String, String> e : store.configuration()) {
      conf.put(e.getKey(), e.getValue());
    }
    return new TableFiles(
        tablePath,
        root.toString(),
        conf,
        ActionJson.toJson(metadata()),
        protocol().hasWriterFeature("deletionVectors"));
  }

  public Path root() {
    return root;
  }

  public LogStore store() {
    return store;
  }

  public LogSegment segment() {
    return segment;
  }

  public TableState state() {
    return state;
  }

  public PathCanonicalizer paths() {
    return paths;
  }

  @Override
  public long version() {
    return state.version();
  }

  @Override
  public long timestamp() {
    return timestamp;
  }

  @Override
  public Protocol protocol() {
    return state.protocol();
  }

  @Override
  public Metadata metadata() {
    return state.metadata();
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public List<String> partitionColumns() {
    return state.metadata().partitionColumns();
  }

  @Override
  public Map<String, String> properties() {
    return state.metadata().configuration();
  }

  @Override
  public Collection<AddFile> files() {
    return state.files().values();
  }

  @Override
  public Optional<Long> transactionVersion(String appId) {
    return Optional.ofNullable(state.transactions().get(appId)).map(SetTransaction::version);
  }

  @Override
  public Optional<DomainMetadata> domainMetadata(String domain) {
    return Optional.ofNullable(state.liveDomains().get(domain));
  }

  @Override
  public ScanBuilder scanBuilder() {
    return new ScanBuilderImpl(this);
  }

  @Override
  public String toString() {
    return "Snapshot[" + tablePath + " v" + version() + ", " + state.files().size() + " files]";
  }
}
