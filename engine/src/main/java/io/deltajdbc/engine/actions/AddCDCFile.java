package io.deltajdbc.engine.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code cdc} action: a change data file of one commit (protocol: "Add CDC File"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AddCDCFile(
    String path,
    Map<String, String> partitionValues,
    long size,
    boolean dataChange,
    Map<String, String> tags)
    implements FileAction {
  public AddCDCFile {
    requireNonNull(path, "path");
    partitionValues =
        partitionValues == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(partitionValues));
    tags = tags == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }
}
