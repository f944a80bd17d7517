package io.deltajdbc.engine.internal.checkpoint;

import static io.deltajdbc.engine.types.PrimitiveType.BOOLEAN;
import static io.deltajdbc.engine.types.PrimitiveType.INTEGER;
import static io.deltajdbc.engine.types.PrimitiveType.LONG;
import static io.deltajdbc.engine.types.PrimitiveType.STRING;

import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * The Parquet schema of checkpoint and sidecar files (protocol: "Checkpoint Schema"): one nullable
 * struct column per action kind, with the action's fields inside.
 */
public final class CheckpointSchema {
  public static final MapType STRING_MAP = new MapType(STRING, STRING, true);

  public static final StructType DELETION_VECTOR =
      struct(
          f("storageType", STRING),
          f("pathOrInlineDv", STRING),
          f("offset", INTEGER),
          f("sizeInBytes", INTEGER),
          f("cardinality", LONG),
          f("maxRowIndex", LONG));

  public static final StructType TXN =
      struct(f("appId", STRING), f("version", LONG), f("lastUpdated", LONG));

  public static final StructType ADD =
      struct(
          f("path", STRING),
          f("partitionValues", STRING_MAP),
          f("size", LONG),
          f("modificationTime", LONG),
          f("dataChange", BOOLEAN),
          f("stats", STRING),
          f("tags", STRING_MAP),
          f("deletionVector", DELETION_VECTOR),
          f("baseRowId", LONG),
          f("defaultRowCommitVersion", LONG),
          f("clusteringProvider", STRING));

  public static final StructType REMOVE =
      struct(
          f("path", STRING),
          f("deletionTimestamp", LONG),
          f("dataChange", BOOLEAN),
          f("extendedFileMetadata", BOOLEAN),
          f("partitionValues", STRING_MAP),
          f("size", LONG),
          f("stats", STRING),
          f("tags", STRING_MAP),
          f("deletionVector", DELETION_VECTOR),
          f("baseRowId", LONG),
          f("defaultRowCommitVersion", LONG));

  public static final StructType METADATA =
      struct(
          f("id", STRING),
          f("name", STRING),
          f("description", STRING),
          f("format", struct(f("provider", STRING), f("options", STRING_MAP))),
          f("schemaString", STRING),
          f("partitionColumns", new ArrayType(STRING, true)),
          f("configuration", STRING_MAP),
          f("createdTime", LONG));

  public static final StructType PROTOCOL =
      struct(
          f("minReaderVersion", INTEGER), f("minWriterVersion", INTEGER),
          f("readerFeatures", new ArrayType(STRING, true)),
              f("writerFeatures", new ArrayType(STRING, true)));

  public static final StructType DOMAIN_METADATA =
      struct(f("domain", STRING), f("configuration", STRING), f("removed", BOOLEAN));

  public static final StructType CHECKPOINT_METADATA =
      struct(f("version", LONG), f("tags", STRING_MAP));

  public static final StructType SIDECAR =
      struct(
          f("path", STRING),
          f("sizeInBytes", LONG),
          f("modificationTime", LONG),
          f("tags", STRING_MAP));

  /** Every column a reader needs from a checkpoint, V1 or V2 (stats as JSON only). */
  public static final StructType READ_SCHEMA =
      struct(
          f("txn", TXN),
          f("add", ADD),
          f("remove", REMOVE),
          f("metaData", METADATA),
          f("protocol", PROTOCOL),
          f("domainMetadata", DOMAIN_METADATA),
          f("checkpointMetadata", CHECKPOINT_METADATA),
          f("sidecar", SIDECAR));

  /** Tombstones as checkpoints keep them: without stats and tags. */
  public static final StructType REMOVE_IN_CHECKPOINT =
      struct(
          f("path", STRING),
          f("deletionTimestamp", LONG),
          f("dataChange", BOOLEAN),
          f("extendedFileMetadata", BOOLEAN),
          f("partitionValues", STRING_MAP),
          f("size", LONG),
          f("deletionVector", DELETION_VECTOR),
          f("baseRowId", LONG),
          f("defaultRowCommitVersion", LONG));

  /**
   * The write schema with {@code add.partitionValues_parsed} and {@code add.stats_parsed} appended
   * to the add struct (positions of the other columns unchanged).
   */
  public static StructType writeSchemaWithStructs(
      StructType partitionValuesParsed, StructType statsParsed) {
    List<StructField> add = new ArrayList<>(ADD.fields());
    if (partitionValuesParsed.size() > 0) {
      add.add(f("partitionValues_parsed", partitionValuesParsed));
    }
    add.add(f("stats_parsed", statsParsed));
    return struct(
        f("txn", TXN),
        f("add", new StructType(add)),
        f("remove", REMOVE_IN_CHECKPOINT),
        f("metaData", METADATA),
        f("protocol", PROTOCOL),
        f("domainMetadata", DOMAIN_METADATA));
  }

  /** The columns of a V1 checkpoint as this engine writes it (same positions as READ_SCHEMA). */
  public static final StructType WRITE_SCHEMA =
      struct(
          f("txn", TXN),
          f("add", ADD),
          f("remove", REMOVE_IN_CHECKPOINT),
          f("metaData", METADATA),
          f("protocol", PROTOCOL),
          f("domainMetadata", DOMAIN_METADATA));

  /** Column positions in {@link #READ_SCHEMA} and {@link #WRITE_SCHEMA}. */
  static final int TXN_COL = 0;

  static final int ADD_COL = 1;
  static final int REMOVE_COL = 2;
  static final int METADATA_COL = 3;
  static final int PROTOCOL_COL = 4;
  static final int DOMAIN_COL = 5;
  static final int CHECKPOINT_METADATA_COL = 6;
  static final int SIDECAR_COL = 7;

  private CheckpointSchema() {}

  /**
   * The read schema of {@code add.path} and {@code add.stats_parsed} for a table: numRecords, and
   * minValues/maxValues/nullCount over the table's data columns by physical name. Columns the file
   * lacks read as null, so the full data schema can be asked for.
   */
  public static StructType statsParsedReadSchema(StructType physicalDataSchema) {
    StructType parsed =
        struct(
            f("numRecords", LONG),
            f("minValues", physicalDataSchema),
            f("maxValues", physicalDataSchema),
            f("nullCount", nullCounts(physicalDataSchema)));
    return struct(
        f(
            "add",
            struct(
                f("path", STRING),
                f("deletionVector", DELETION_VECTOR),
                f("stats_parsed", parsed))));
  }

  private static StructType nullCounts(StructType s) {
    List<StructField> out = new ArrayList<>();
    for (StructField field : s.fields()) {
      DataType t = field.type() instanceof StructType nested ? nullCounts(nested) : LONG;
      out.add(new StructField(field.name(), t, true));
    }
    return new StructType(out);
  }

  private static StructField f(String name, DataType type) {
    return new StructField(name, type, true);
  }

  private static StructType struct(StructField... fields) {
    return StructType.of(fields);
  }
}
