package io.deltajdbc.engine.internal.txn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.Format;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.write.TableFileWriter;
import io.deltajdbc.engine.storage.LogStore;
import io.deltajdbc.engine.txn.IsolationLevel;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.SchemaJson;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.Path;

/**
 * Creates a table: validates the schema, partition columns and {@code delta.*} properties, assigns
 * column-mapping ids and physical names when a mapping mode is set, chooses the lowest protocol,
 * and commits version 0 (protocol, metadata, and the first data files when given) with
 * create-if-absent, so that of two racing creators exactly one succeeds.
 */
public final class TableCreator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TableCreator() {}

  /**
   * Commits version 0 as CREATE TABLE; rows, when not null, are written as the table's first data.
   */
  public static long create(
      LogStore store, Path root, String tablePath, TableSpec spec, Iterator<Row> rows) {
    return create(store, root, tablePath, spec, rows, false);
  }

  /**
   * Commits version 0; rows, when not null, are written as the table's first data. With {@code
   * orReplace} the commit is recorded as delta-spark records CREATE OR REPLACE TABLE [AS SELECT] of
   * a table that did not exist.
   */
  public static long create(
      LogStore store,
      Path root,
      String tablePath,
      TableSpec spec,
      Iterator<Row> rows,
      boolean orReplace) {
    WriterFeatures.checkStore(tablePath, store, root);
    NewTable table = newTable(tablePath, spec);
    WriterFeatures.checkWritable(tablePath, 0, table.protocol(), table.metadata());
    List<AddFile> adds =
        rows == null
            ? List.of()
            : new TableFileWriter(
                    store.configuration(),
                    root,
                    tablePath,
                    table.metadata(),
                    table.protocol().hasWriterFeature("deletionVectors"))
                .write(rows);
    OperationName name =
        orReplace
            ? (rows == null
                ? OperationName.CREATE_OR_REPLACE_TABLE
                : OperationName.CREATE_OR_REPLACE_TABLE_AS_SELECT)
            : (rows == null ? OperationName.CREATE_TABLE : OperationName.CREATE_TABLE_AS_SELECT);
    Operation op = Operation.of(name, parameters(table.metadata(), orReplace));
    // delta-spark's AS SELECT of CREATE OR REPLACE writes in overwrite mode, which reads the
    // (empty) table's files: not a blind append.
    boolean blindAppend = !(orReplace && rows != null);
    return commitNew(
        store,
        root,
        tablePath,
        table.protocol(),
        table.metadata(),
        adds,
        op,
        blindAppend,
        "creating table");
  }

  /**
   * The protocol and metadata of a new table made from {@code spec} (a new id), as CREATE TABLE and
   * CREATE OR REPLACE TABLE set them: validated properties without the protocol ones, column
   * mapping ids assigned when a mapping mode is set, the lowest protocol the table needs.
   */
  public static NewTable newTable(String tablePath, TableSpec spec) {
    TableProperties.validate(spec.properties());
    List<String> partitions = resolvePartitions(tablePath, spec);
    Map<String, String> config = new LinkedHashMap<>();
    spec.properties()
        .forEach(
            (k, v) -> {
              if (!k.startsWith("delta.feature.")
                  && !k.equals("delta.minReaderVersion")
                  && !k.equals("delta.minWriterVersion")) {
                config.put(k, v);
              }
            });
    StructType schema = spec.schema();
    String mode = config.getOrDefault("delta.columnMapping.mode", "none").toLowerCase(Locale.ROOT);
    if (!mode.equals("none")) {
      int[] maxId = {0};
      schema = assignColumnMapping(schema, maxId);
      config.put("delta.columnMapping.maxColumnId", Integer.toString(maxId[0]));
    }
    Protocol protocol = ProtocolSelection.forNewTable(schema, spec.properties());
    Metadata metadata =
        new Metadata(
            UUID.randomUUID().toString(),
            spec.name(),
            spec.description(),
            Format.PARQUET,
            SchemaJson.toJson(schema),
            partitions,
            System.currentTimeMillis(),
            config);
    return new NewTable(protocol, metadata);
  }

  /** A new table's protocol and metadata. */
  public record NewTable(Protocol protocol, Metadata metadata) {}

  /**
   * delta-spark's parameters of CREATE TABLE and, with {@code replace}, of CREATE OR REPLACE TABLE
   * (whose {@code DeltaOperations.ReplaceTable} also records the clustering columns, none here).
   * The description is always recorded, as JSON null when the table has none.
   */
  public static Map<String, String> parameters(Metadata metadata, boolean replace) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("partitionBy", json(metadata.partitionColumns()));
    if (replace) {
      params.put("clusterBy", "[]");
    }
    // delta-spark records Option(description): JSON null when there is none.
    params.put("description", metadata.description());
    params.put("isManaged", "false");
    params.put("properties", json(metadata.configuration()));
    return params;
  }

  /**
   * CONVERT TO DELTA's version 0: the protocol and metadata of a new table of {@code spec}, and the
   * adds {@code files} makes for that metadata (files already in the folder), committed as one
   * Serializable, not blind-append commit with create-if-absent, as delta-spark commits it.
   */
  public static long convert(
      LogStore store,
      Path root,
      String tablePath,
      TableSpec spec,
      java.util.function.Function<Metadata, List<AddFile>> files,
      Operation op) {
    WriterFeatures.checkStore(tablePath, store, root);
    List<String> partitions = resolvePartitions(tablePath, spec);
    Protocol protocol = ProtocolSelection.forNewTable(spec.schema(), spec.properties());
    Metadata metadata =
        new Metadata(
            UUID.randomUUID().toString(),
            null,
            null,
            Format.PARQUET,
            SchemaJson.toJson(spec.schema()),
            partitions,
            System.currentTimeMillis(),
            spec.properties());
    WriterFeatures.checkWritable(tablePath, 0, protocol, metadata);
    return commitNew(
        store,
        root,
        tablePath,
        protocol,
        metadata,
        files.apply(metadata),
        op,
        false,
        "converting to a Delta table");
  }

  /**
   * Commits version 0 of a new table (commit info, protocol, metadata, adds) with create-if-absent,
   * so that of two racing creators exactly one succeeds; the commit is recorded at Serializable, a
   * blind append when {@code blindAppend}.
   */
  public static long commitNew(
      LogStore store,
      Path root,
      String tablePath,
      Protocol protocol,
      Metadata metadata,
      List<AddFile> adds,
      Operation op,
      boolean blindAppend,
      String doing) {
    WriterFeatures.checkStore(tablePath, store, root);
    WriterFeatures.checkWritable(tablePath, 0, protocol, metadata);
    List<Action> actions = new ArrayList<>();
    actions.add(
        CommitInfoFactory.create(
            op,
            -1,
            IsolationLevel.SERIALIZABLE,
            blindAppend,
            adds,
            List.of(),
            "true".equalsIgnoreCase(metadata.configuration().get("delta.enableInCommitTimestamps"))
                ? System.currentTimeMillis()
                : null,
            CommitInfoFactory.newTxnId()));
    actions.add(protocol);
    actions.add(metadata);
    actions.addAll(adds);
    try {
      store.write(
          FileNames.deltaFile(FileNames.logPath(root), 0),
          actions.stream().map(ActionJson::toJson).iterator(),
          false);
    } catch (FileAlreadyExistsException e) {
      throw DeltaErrors.tableAlreadyExists(tablePath, 0);
    } catch (IOException e) {
      throw DeltaErrors.storage(doing, tablePath, e);
    }
    return 0;
  }

  private static List<String> resolvePartitions(String tablePath, TableSpec spec) {
    Set<String> seen = new HashSet<>();
    for (StructField f : spec.schema().fields()) {
      if (!seen.add(f.name().toLowerCase(Locale.ROOT))) {
        throw DeltaErrors.invalidArgument(
            "Column "
                + f.name()
                + " appears twice in the schema of "
                + tablePath
                + " (column names are case-insensitive).");
      }
    }
    List<String> out = new ArrayList<>();
    for (String p : spec.partitionColumns()) {
      StructField f =
          spec.schema()
              .get(p)
              .orElseThrow(
                  () -> DeltaErrors.columnNotFound(tablePath, p, spec.schema().fieldNames()));
      if (f.type() instanceof StructType
          || f.type() instanceof ArrayType
          || f.type() instanceof MapType) {
        throw DeltaErrors.invalidArgument(
            "Partition column "
                + p
                + " of "
                + tablePath
                + " has type "
                + f.type()
                + "; partition columns must be of a primitive type.");
      }
      out.add(f.name());
    }
    if (!out.isEmpty() && out.size() == spec.schema().size()) {
      throw DeltaErrors.invalidArgument(
          "Table " + tablePath + " cannot be partitioned by all of its columns.");
    }
    return out;
  }

  static StructType assignColumnMapping(StructType s, int[] maxId) {
    List<StructField> out = new ArrayList<>();
    for (StructField f : s.fields()) {
      Map<String, Object> md = new LinkedHashMap<>(f.metadata().values());
      md.put(StructField.COLUMN_MAPPING_ID_KEY, (long) ++maxId[0]);
      md.put(StructField.COLUMN_MAPPING_PHYSICAL_NAME_KEY, "col-" + UUID.randomUUID());
      out.add(
          new StructField(
              f.name(), assign(f.type(), maxId), f.nullable(), new StructField.FieldMetadata(md)));
    }
    return new StructType(out);
  }

  private static DataType assign(DataType t, int[] maxId) {
    if (t instanceof StructType s) {
      return assignColumnMapping(s, maxId);
    }
    if (t instanceof ArrayType a) {
      return new ArrayType(assign(a.elementType(), maxId), a.containsNull());
    }
    if (t instanceof MapType m) {
      return new MapType(
          assign(m.keyType(), maxId), assign(m.valueType(), maxId), m.valueContainsNull());
    }
    return t;
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
