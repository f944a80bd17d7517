package io.deltajdbc.engine;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one exception type the engine throws to callers. Its message says what went wrong, in which
 * table and version, and what to do; {@link #code()} says which kind of failure it is. Instances
 * come from {@link io.deltajdbc.engine.DeltaErrors}.
 */
public class DeltaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String tablePath;
  private final long version;

  public DeltaException(
      ErrorCode code, String message, String tablePath, long version, Throwable cause) {
    super(message, cause);
    this.code = requireNonNull(code, "code");
    this.tablePath = tablePath;
    this.version = version;
  }

  public ErrorCode code() {
    return code;
  }

  public String sqlState() {
    return code.sqlState();
  }

  /** The table the failure concerns, when there is one. */
  public Optional<String> tablePath() {
    return Optional.ofNullable(tablePath);
  }

  /** The table version the failure concerns, when there is one. */
  public OptionalLong version() {
    return version < 0 ? OptionalLong.empty() : OptionalLong.of(version);
  }
}
