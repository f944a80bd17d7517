package io.deltajdbc.engine.internal.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltajdbc.engine.actions.ActionJson;
import java.util.Optional;

/**
 * The content of {@code _delta_log/_last_checkpoint} (protocol: "Last Checkpoint File") that a
 * reader uses: the checkpoint's version and, for multi-part checkpoints, the number of parts. It is
 * only a hint: when it is missing, unparsable or stale, readers list the log instead.
 */
public record LastCheckpoint(long version, Integer parts) {

  /**
   * Parses the file's content; a corrupt file gives empty (and the caller falls back to listing).
   */
  public static Optional<LastCheckpoint> parse(String content) {
    try {
      JsonNode n = ActionJson.mapper().readTree(content);
      if (n == null || !n.isObject() || !n.path("version").canConvertToLong()) {
        return Optional.empty();
      }
      JsonNode parts = n.get("parts");
      return Optional.of(
          new LastCheckpoint(
              n.get("version").asLong(),
              parts != null && parts.canConvertToInt() ? parts.asInt() : null));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
