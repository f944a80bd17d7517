package io.deltajdbc.engine.internal.features;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which reader protocol versions and reader features this engine implements (protocol: "Table
 * Features", "Protocol Evolution"), and the check every snapshot passes before any data is read.
 */
public final class TableFeatures {
  public static final int MAX_READER_VERSION = 3;
  public static final String CATALOG_MANAGED = "catalogManaged";
  public static final String CATALOG_OWNED_PREVIEW = "catalogOwned-preview";

  /** Reader features whose semantics the read path implements. */
  public static final Set<String> SUPPORTED_READER_FEATURES =
      Set.of(
          "columnMapping",
          "deletionVectors",
          "timestampNtz",
          "v2Checkpoint",
          "vacuumProtocolCheck",
          "typeWidening",
          "typeWidening-preview",
          "variantType",
          "variantType-preview");

  private TableFeatures() {}

  /** Fails, naming what is missing, when the snapshot cannot be read correctly by this engine. */
  public static void checkReadable(
      String table, long version, Protocol protocol, Metadata metadata) {
    if (isCatalogManaged(protocol)) {
      throw DeltaErrors.catalogManaged(table, version);
    }
    if (protocol.minReaderVersion() > MAX_READER_VERSION) {
      throw DeltaErrors.unsupportedReaderVersion(table, version, protocol.minReaderVersion());
    }
    if (protocol.supportsReaderFeatures() && protocol.readerFeatures() != null) {
      Set<String> unsupported = new TreeSet<>(protocol.readerFeatures());
      unsupported.removeAll(SUPPORTED_READER_FEATURES);
      if (!unsupported.isEmpty()) {
        throw DeltaErrors.unsupportedReaderFeatures(table, version, List.copyOf(unsupported));
      }
    }
  }

  public static boolean isCatalogManaged(Protocol protocol) {
    return protocol.hasReaderFeature(CATALOG_MANAGED)
        || protocol.hasWriterFeature(CATALOG_MANAGED)
        || protocol.hasReaderFeature(CATALOG_OWNED_PREVIEW)
        || protocol.hasWriterFeature(CATALOG_OWNED_PREVIEW);
  }

  /** The table's column mapping mode: none, name or id (protocol: "Column Mapping"). */
  public static ColumnMappingMode columnMappingMode(Metadata metadata) {
    String mode = metadata.configuration().getOrDefault("delta.columnMapping.mode", "none");
    return switch (mode.toLowerCase(java.util.Locale.ROOT)) {
      case "name" -> ColumnMappingMode.NAME;
      case "id" -> ColumnMappingMode.ID;
      default -> ColumnMappingMode.NONE;
    };
  }

  /**
   * Whether commit timestamps come from commitInfo.inCommitTimestamp (protocol: "In-Commit
   * Timestamps").
   */
  public static boolean inCommitTimestampsEnabled(Metadata metadata) {
    return Boolean.parseBoolean(
        metadata.configuration().getOrDefault("delta.enableInCommitTimestamps", "false"));
  }

  public enum ColumnMappingMode {
    NONE,
    NAME,
    ID
  }
}
