package io.deltajdbc.engine.dml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a DML statement.
 *
 * @param rowsAffected rows deleted, updated or inserted (MERGE: the sum of the three)
 * @param version the committed table version, or -1 when nothing changed and nothing was committed
 * @param metrics the operation metrics recorded in the commit ({@code numDeletedRows}, ...)
 */
public record DmlResult(long rowsAffected, long version, Map<String, String> metrics) {
  public DmlResult {
    metrics =
        Collections.unmodifiableMap(new LinkedHashMap<>(metrics == null ? Map.of() : metrics));
  }
}
