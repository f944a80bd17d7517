package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.actions.Metadata;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A table's CHECK constraints: {@code delta.constraints.<name>} properties, name to Spark SQL boolean expression. */
final class Constraints {
  private static final String PREFIX = "delta.constraints.";

  private Constraints() {}

  static Map<String, String> of(Metadata metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    metadata.configuration().forEach((k, v) -> {
      if (k.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
        out.put(k.substring(PREFIX.length()), v);
      }
    });
    return out;
  }
}
