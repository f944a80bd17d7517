package io.deltajdbc.engine.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.deltajdbc.engine.types.SchemaJson;
import io.deltajdbc.engine.types.StructType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code metaData} action (protocol: "Change Metadata"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metadata(
    String id,
    String name,
    String description,
    Format format,
    String schemaString,
    List<String> partitionColumns,
    Long createdTime,
    Map<String, String> configuration)
    implements Action {
  public Metadata {
    requireNonNull(id, "id");
    format = format == null ? Format.PARQUET : format;
    partitionColumns = partitionColumns == null ? List.of() : List.copyOf(partitionColumns);
    configuration =
        configuration == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
  }

  /**
   * Parses {@link #schemaString}; callers that need it often keep the result. Some writers (Delta
   * Live Tables setting up a pipeline) commit metadata before any schema: that is an empty struct.
   */
  @JsonIgnore
  public StructType parseSchema() {
    return schemaString == null ? new StructType(List.of()) : SchemaJson.parse(schemaString);
  }

  /** A table property ({@code delta.*} or user-defined). */
  public Optional<String> property(String key) {
    return Optional.ofNullable(configuration.get(key));
  }
}
