package io.deltajdbc.engine.internal.utilities;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.engine.utilities.TableDetail;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;

/** DESCRIBE DETAIL (delta-spark's {@code DescribeDeltaDetailCommand}) of a snapshot. */
public final class DetailReader {
  /**
   * delta-spark's legacy features and the protocol versions that imply them (protocol: "Table
   * Features", the table of features and the versions that carried them before table features).
   */
  private record LegacyFeature(String name, int minReaderVersion, int minWriterVersion) {}

  private static final List<LegacyFeature> LEGACY_FEATURES =
      List.of(
          new LegacyFeature("appendOnly", 0, 2),
          new LegacyFeature("invariants", 0, 2),
          new LegacyFeature("checkConstraints", 0, 3),
          new LegacyFeature("changeDataFeed", 0, 4),
          new LegacyFeature("generatedColumns", 0, 4),
          new LegacyFeature("columnMapping", 2, 5),
          new LegacyFeature("identityColumns", 0, 6));

  private static final String CLUSTERING_DOMAIN = "delta.clustering";

  private DetailReader() {}

  public static TableDetail describe(SnapshotImpl snapshot) {
    Metadata m = snapshot.metadata();
    Protocol p = snapshot.protocol();
    long size = 0;
    for (AddFile f : snapshot.files()) {
      size += f.size();
    }
    long lastModified = lastModified(snapshot);
    return new TableDetail(
        "delta",
        m.id(),
        m.name(),
        m.description(),
        snapshot.root().toString(),
        m.createdTime() == null ? null : Instant.ofEpochMilli(m.createdTime()),
        Instant.ofEpochMilli(lastModified),
        m.partitionColumns(),
        clusteringColumns(snapshot),
        snapshot.files().size(),
        size,
        m.configuration(),
        p.minReaderVersion(),
        p.minWriterVersion(),
        features(p));
  }

  /**
   * The modification time of the snapshot's commit file (when the segment ends with a checkpoint,
   * the commit file is looked up; without one, the checkpoint's time).
   */
  private static long lastModified(SnapshotImpl snapshot) {
    Optional<FileInfo> last = snapshot.segment().lastDelta();
    if (last.isPresent()) {
      return last.get().modificationTime();
    }
    Path commit = FileNames.deltaFile(FileNames.logPath(snapshot.root()), snapshot.version());
    try {
      return commit
          .getFileSystem(snapshot.store().configuration())
          .getFileStatus(commit)
          .getModificationTime();
    } catch (FileNotFoundException e) {
      return snapshot
          .segment()
          .checkpoint()
          .map(c -> c.files().get(0).modificationTime())
          .orElse(0L);
    } catch (IOException e) {
      throw DeltaErrors.storage("reading the status of", commit.toString(), e);
    }
  }

  /** Explicit reader and writer features plus the legacy ones the versions imply, sorted. */
  static List<String> features(Protocol p) {
    TreeSet<String> names = new TreeSet<>();
    if (p.readerFeatures() != null) {
      names.addAll(p.readerFeatures());
    }
    if (p.writerFeatures() != null) {
      names.addAll(p.writerFeatures());
    }
    if (!(p.supportsReaderFeatures() && p.supportsWriterFeatures())) {
      for (LegacyFeature f : LEGACY_FEATURES) {
        boolean reader = !p.supportsReaderFeatures() && p.minReaderVersion() >= f.minReaderVersion;
        boolean writer = !p.supportsWriterFeatures() && p.minWriterVersion() >= f.minWriterVersion;
        if (reader && writer) {
          names.add(f.name);
        }
      }
    }
    return List.copyOf(names);
  }

  /**
   * The logical names of the clustering columns of a table with the {@code clustering} feature: the
   * {@code delta.clustering} domain lists physical column paths.
   */
  private static List<String> clusteringColumns(SnapshotImpl snapshot) {
    if (!snapshot.protocol().hasWriterFeature("clustering")) {
      return List.of();
    }
    Optional<DomainMetadata> domain = snapshot.domainMetadata(CLUSTERING_DOMAIN);
    if (domain.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try {
      Map<?, ?> conf = ActionJson.mapper().readValue(domain.get().configuration(), Map.class);
      Object cols = conf.get("clusteringColumns");
      if (cols instanceof List<?> list) {
        for (Object c : list) {
          if (c instanceof List<?> physicalPath) {
            out.add(logicalName(snapshot.schema(), physicalPath));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw DeltaErrors.corruptLog(
          snapshot.tablePath(),
          snapshot.version(),
          "the delta.clustering domain metadata cannot be read: " + e.getMessage(),
          e);
    }
    return out;
  }

  private static String logicalName(StructType schema, List<?> physicalPath) {
    List<String> parts = new ArrayList<>();
    StructType current = schema;
    for (Object o : physicalPath) {
      String physical = String.valueOf(o);
      StructField match = null;
      if (current != null) {
        for (StructField f : current.fields()) {
          if (f.physicalName().equals(physical) || f.name().equals(physical)) {
            match = f;
            break;
          }
        }
      }
      String name = match == null ? physical : match.name();
      parts.add(name.contains(".") ? "`" + name.replace("`", "``") + "`" : name);
      current = match != null && match.type() instanceof StructType s ? s : null;
    }
    return String.join(".", parts);
  }
}
