package io.deltajdbc.engine.actions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The {@code checkpointMetadata} action of a V2 checkpoint (protocol: "Checkpoint Metadata"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointMetadata(long version, Map<String, String> tags) implements Action {
  public CheckpointMetadata {
    tags = tags == null ? null : Map.copyOf(tags);
  }
}
