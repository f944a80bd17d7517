package io.deltajdbc.calcite.utility;

import static io.deltajdbc.engine.types.PrimitiveType.BOOLEAN;
import static io.deltajdbc.engine.types.PrimitiveType.INTEGER;
import static io.deltajdbc.engine.types.PrimitiveType.LONG;
import static io.deltajdbc.engine.types.PrimitiveType.STRING;
import static io.deltajdbc.engine.types.PrimitiveType.TIMESTAMP;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.engine.utilities.HistoryEntry;
import io.deltajdbc.engine.utilities.TableDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The metadata tables of a Delta table, by the suffix of the name they are looked up by: {@code
 * t$history} is DESCRIBE HISTORY's 15 columns, newest commit first, and {@code t$detail} DESCRIBE
 * DETAIL's 15 columns, with delta-spark's names and types.
 */
public final class MetadataTables {
  public static final String HISTORY = "$history";
  public static final String DETAIL = "$detail";

  private static final MapType STRING_MAP = new MapType(STRING, STRING, true);

  /** delta-spark's DESCRIBE HISTORY columns. */
  public static final StructType HISTORY_SCHEMA =
      StructType.of(
          new StructField("version", LONG, true),
          new StructField("timestamp", TIMESTAMP, true),
          new StructField("userId", STRING, true),
          new StructField("userName", STRING, true),
          new StructField("operation", STRING, true),
          new StructField("operationParameters", STRING_MAP, true),
          new StructField(
              "job",
              StructType.of(
                  new StructField("jobId", STRING, true),
                  new StructField("jobName", STRING, true),
                  new StructField("jobRunId", STRING, true),
                  new StructField("runId", STRING, true),
                  new StructField("jobOwnerId", STRING, true),
                  new StructField("triggerType", STRING, true)),
              true),
          new StructField(
              "notebook", StructType.of(new StructField("notebookId", STRING, true)), true),
          new StructField("clusterId", STRING, true),
          new StructField("readVersion", LONG, true),
          new StructField("isolationLevel", STRING, true),
          new StructField("isBlindAppend", BOOLEAN, true),
          new StructField("operationMetrics", STRING_MAP, true),
          new StructField("userMetadata", STRING, true),
          new StructField("engineInfo", STRING, true));

  /** delta-spark's DESCRIBE DETAIL columns. */
  public static final StructType DETAIL_SCHEMA =
      StructType.of(
          new StructField("format", STRING, true),
          new StructField("id", STRING, true),
          new StructField("name", STRING, true),
          new StructField("description", STRING, true),
          new StructField("location", STRING, true),
          new StructField("createdAt", TIMESTAMP, true),
          new StructField("lastModified", TIMESTAMP, true),
          new StructField("partitionColumns", new ArrayType(STRING, true), true),
          new StructField("clusteringColumns", new ArrayType(STRING, true), true),
          new StructField("numFiles", LONG, true),
          new StructField("sizeInBytes", LONG, true),
          new StructField("properties", STRING_MAP, true),
          new StructField("minReaderVersion", INTEGER, true),
          new StructField("minWriterVersion", INTEGER, true),
          new StructField("tableFeatures", new ArrayType(STRING, true), true));

  private MetadataTables() {}

  /**
   * The table and suffix a metadata table's name stands for ({@code orders$history}: {@code
   * orders}, {@code $history}), or empty for any other name.
   */
  public static Optional<String[]> split(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : List.of(HISTORY, DETAIL)) {
      if (lower.endsWith(suffix) && name.length() > suffix.length()) {
        return Optional.of(
            new String[] {name.substring(0, name.length() - suffix.length()), suffix});
      }
    }
    return Optional.empty();
  }

  /** The metadata table {@code suffix} of {@code table}, read when it is scanned. */
  public static MetadataTable of(String name, DeltaTable table, String suffix) {
    if (suffix.equals(HISTORY)) {
      return new MetadataTable(name, HISTORY_SCHEMA, () -> history(table));
    }
    return new MetadataTable(name, DETAIL_SCHEMA, () -> List.of(detail(table.detail())));
  }

  private static List<Row> history(DeltaTable table) {
    List<Row> rows = new ArrayList<>();
    for (HistoryEntry e : table.history()) {
      rows.add(
          Row.of(
              e.version(),
              e.timestamp(),
              e.userId(),
              e.userName(),
              e.operation(),
              e.operationParameters(),
              e.job() == null
                  ? null
                  : Row.of(
                      e.job().jobId(),
                      e.job().jobName(),
                      e.job().jobRunId(),
                      e.job().runId(),
                      e.job().jobOwnerId(),
                      e.job().triggerType()),
              e.notebook() == null ? null : Row.of(e.notebook().notebookId()),
              e.clusterId(),
              e.readVersion(),
              e.isolationLevel(),
              e.isBlindAppend(),
              e.operationMetrics(),
              e.userMetadata(),
              e.engineInfo()));
    }
    return rows;
  }

  private static Row detail(TableDetail d) {
    return Row.of(
        d.format(),
        d.id(),
        d.name(),
        d.description(),
        d.location(),
        d.createdAt(),
        d.lastModified(),
        d.partitionColumns(),
        d.clusteringColumns(),
        d.numFiles(),
        d.sizeInBytes(),
        d.properties(),
        d.minReaderVersion(),
        d.minWriterVersion(),
        d.tableFeatures());
  }
}
