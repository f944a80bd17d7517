package io.deltajdbc.engine.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code remove} action: a tombstone for a file (protocol: "Add File and Remove File"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemoveFile(
    String path,
    Long deletionTimestamp,
    boolean dataChange,
    Boolean extendedFileMetadata,
    Map<String, String> partitionValues,
    Long size,
    String stats,
    Map<String, String> tags,
    DeletionVectorDescriptor deletionVector,
    Long baseRowId,
    Long defaultRowCommitVersion)
    implements FileAction {
  public RemoveFile {
    requireNonNull(path, "path");
    partitionValues =
        partitionValues == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(partitionValues));
    tags = tags == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  @JsonIgnore
  public FileKey key() {
    return new FileKey(path, deletionVector == null ? null : deletionVector.uniqueId());
  }

  /** The tombstone's time, or 0 when the writer left it out (it is optional). */
  @JsonIgnore
  public long deletionTimestampOrZero() {
    return deletionTimestamp == null ? 0L : deletionTimestamp;
  }
}
