package io.deltajdbc.engine.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code add} action (protocol: "Add File and Remove File"). {@code partitionValues} keeps null
 * values (a null partition); {@code stats} is the JSON statistics string, when present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AddFile(
    String path,
    Map<String, String> partitionValues,
    long size,
    long modificationTime,
    boolean dataChange,
    String stats,
    Map<String, String> tags,
    DeletionVectorDescriptor deletionVector,
    Long baseRowId,
    Long defaultRowCommitVersion,
    String clusteringProvider)
    implements FileAction {
  public AddFile {
    requireNonNull(path, "path");
    partitionValues =
        partitionValues == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(partitionValues));
    tags = tags == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** The key under which log replay reconciles this file: path plus deletion vector id. */
  @JsonIgnore
  public FileKey key() {
    return new FileKey(path, deletionVector == null ? null : deletionVector.uniqueId());
  }

  /** The same file with {@code dataChange} as given (OPTIMIZE's and RESTORE's adds). */
  public AddFile withDataChange(boolean newDataChange) {
    return new AddFile(
        path,
        partitionValues,
        size,
        modificationTime,
        newDataChange,
        stats,
        tags,
        deletionVector,
        baseRowId,
        defaultRowCommitVersion,
        clusteringProvider);
  }

  /** The same file with new statistics (used when a checkpoint carries them as a struct). */
  public AddFile withStats(String newStats) {
    return new AddFile(
        path,
        partitionValues,
        size,
        modificationTime,
        dataChange,
        newStats,
        tags,
        deletionVector,
        baseRowId,
        defaultRowCommitVersion,
        clusteringProvider);
  }
}
