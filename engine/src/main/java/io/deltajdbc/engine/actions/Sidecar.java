package io.deltajdbc.engine.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The {@code sidecar} action of a V2 checkpoint (protocol: "Sidecar File Information"): a Parquet
 * file of add/remove actions under {@code _delta_log/_sidecars/}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sidecar(
    String path, long sizeInBytes, long modificationTime, Map<String, String> tags)
    implements Action {
  public Sidecar {
    requireNonNull(path, "path");
    tags = tags == null ? null : Map.copyOf(tags);
  }
}
