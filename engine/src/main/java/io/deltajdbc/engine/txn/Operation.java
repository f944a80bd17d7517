package io.deltajdbc.engine.txn;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a commit does, as recorded in {@code commitInfo}: Delta's operation name ({@code WRITE},
 * {@code CREATE TABLE}, {@code DELETE}, ...), its parameters, and metrics beyond the file and row
 * counts the transaction computes itself. Parameter values are written as JSON strings, as Delta
 * does.
 */
public record Operation(String name, Map<String, String> parameters, Map<String, String> metrics) {
  public Operation {
    requireNonNull(name, "name");
    parameters =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
    metrics =
        Collections.unmodifiableMap(new LinkedHashMap<>(metrics == null ? Map.of() : metrics));
  }

  public static Operation of(String name, Map<String, String> parameters) {
    return new Operation(name, parameters, Map.of());
  }

  public static Operation of(OperationName name, Map<String, String> parameters) {
    return of(name.recorded(), parameters);
  }

  /** An append (Delta's {@code WRITE} with mode Append). */
  public static Operation append() {
    return of(OperationName.WRITE, Map.of("mode", "Append", "partitionBy", "[]"));
  }

  public Operation withMetrics(Map<String, String> more) {
    Map<String, String> m = new LinkedHashMap<>(metrics);
    m.putAll(more);
    return new Operation(name, parameters, m);
  }
}
