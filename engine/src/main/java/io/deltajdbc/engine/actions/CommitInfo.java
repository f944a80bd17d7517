package io.deltajdbc.engine.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code commitInfo} action (protocol: "Commit Provenance Information"). Its content is
 * free-form, so it is kept as JSON values with typed accessors for the fields readers use.
 */
public record CommitInfo(@JsonValue Map<String, Object> values) implements Action {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public CommitInfo {
    requireNonNull(values, "values");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The writer's wall-clock time of the commit, in epoch milliseconds. */
  public Optional<Long> timestamp() {
    return number("timestamp");
  }

  /** The in-commit timestamp (table feature inCommitTimestamp), in epoch milliseconds. */
  public Optional<Long> inCommitTimestamp() {
    return number("inCommitTimestamp");
  }

  public Optional<String> operation() {
    Object v = values.get("operation");
    return v instanceof String s ? Optional.of(s) : Optional.empty();
  }

  private Optional<Long> number(String key) {
    Object v = values.get(key);
    return v instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }
}
