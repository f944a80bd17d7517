package io.deltajdbc.engine.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a file's deletion vector lives (protocol: "Deletion Vector Descriptor Schema"). {@code
 * storageType} is {@code u} (relative path, Z85-encoded UUID with optional prefix), {@code p}
 * (absolute path) or {@code i} (inline, Z85-encoded bitmap).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeletionVectorDescriptor(
    String storageType,
    String pathOrInlineDv,
    Integer offset,
    int sizeInBytes,
    long cardinality,
    Long maxRowIndex) {
  public DeletionVectorDescriptor {
    requireNonNull(storageType, "storageType");
    requireNonNull(pathOrInlineDv, "pathOrInlineDv");
    if (!storageType.equals("u") && !storageType.equals("p") && !storageType.equals("i")) {
      throw new IllegalArgumentException(
          "unknown deletion vector storageType '" + storageType + "'");
    }
  }

  /** The protocol's derived {@code uniqueId}: storage type, path or inline data, and offset. */
  @JsonIgnore
  public String uniqueId() {
    String id = storageType + pathOrInlineDv;
    return offset == null ? id : id + "@" + offset;
  }

  @JsonIgnore
  public boolean isInline() {
    return storageType.equals("i");
  }
}
