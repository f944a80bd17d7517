package io.deltajdbc.engine.actions;

import java.util.Map;

/** The data file format of {@code metaData.format}; always parquet in practice. */
public record Format(String provider, Map<String, String> options) {
  public static final Format PARQUET = new Format("parquet", Map.of());

  public Format {
    provider = provider == null ? "parquet" : provider;
    options = options == null ? Map.of() : Map.copyOf(options);
  }
}
