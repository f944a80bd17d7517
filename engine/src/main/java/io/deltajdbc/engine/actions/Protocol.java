package io.deltajdbc.engine.actions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code protocol} action (protocol: "Protocol Evolution"). Reader features exist only at
 * reader version 3, writer features only at writer version 7; otherwise the sets are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Protocol(
    int minReaderVersion,
    int minWriterVersion,
    Set<String> readerFeatures,
    Set<String> writerFeatures)
    implements Action {
  public Protocol {
    if (minReaderVersion < 1 || minWriterVersion < 1) {
      throw new IllegalArgumentException(
          "protocol versions must be >= 1: reader "
              + minReaderVersion
              + ", writer "
              + minWriterVersion);
    }
    readerFeatures = readerFeatures == null ? null : Set.copyOf(new TreeSet<>(readerFeatures));
    writerFeatures = writerFeatures == null ? null : Set.copyOf(new TreeSet<>(writerFeatures));
  }

  public Protocol(int minReaderVersion, int minWriterVersion) {
    this(minReaderVersion, minWriterVersion, null, null);
  }

  /** True when the table lists reader features explicitly (reader version 3). */
  @JsonIgnore
  public boolean supportsReaderFeatures() {
    return minReaderVersion >= 3;
  }

  /** True when the table lists writer features explicitly (writer version 7). */
  @JsonIgnore
  public boolean supportsWriterFeatures() {
    return minWriterVersion >= 7;
  }

  public boolean hasReaderFeature(String feature) {
    return readerFeatures != null && readerFeatures.contains(feature);
  }

  public boolean hasWriterFeature(String feature) {
    return writerFeatures != null && writerFeatures.contains(feature);
  }
}
