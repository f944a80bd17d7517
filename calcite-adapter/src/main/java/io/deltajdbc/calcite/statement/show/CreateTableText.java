package io.deltajdbc.calcite.statement.show;

import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.types.StructField;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text of {@code SHOW CREATE TABLE}: a CREATE TABLE statement in Spark's form (column types by
 * Spark's SQL names, {@code USING delta}, {@code PARTITIONED BY}, {@code COMMENT}, {@code
 * TBLPROPERTIES}) that this driver and Spark both run. The location is left out: in a warehouse a
 * table's location is its name.
 */
final class CreateTableText {
  private CreateTableText() {}

  static String of(String schema, String table, Snapshot snapshot) {
    StringBuilder sb =
        new StringBuilder("CREATE TABLE ")
            .append(SparkTypeNames.quote(schema))
            .append('.')
            .append(SparkTypeNames.quote(table))
            .append(" (\n");
    List<StructField> fields = snapshot.schema().fields();
    sb.append(fields.stream().map(CreateTableText::column).collect(Collectors.joining(",\n")));
    sb.append(")\nUSING delta\n");
    List<String> partitions = snapshot.partitionColumns();
    if (!partitions.isEmpty()) {
      sb.append("PARTITIONED BY (")
          .append(partitions.stream().map(SparkTypeNames::quote).collect(Collectors.joining(", ")))
          .append(")\n");
    }
    String description = snapshot.metadata().description();
    if (description != null && !description.isEmpty()) {
      sb.append("COMMENT ").append(SparkTypeNames.literal(description)).append('\n');
    }
    Map<String, String> properties = TableProperties.of(snapshot);
    if (!properties.isEmpty()) {
      sb.append("TBLPROPERTIES (\n")
          .append(
              properties.entrySet().stream()
                  .map(
                      e ->
                          "  "
                              + SparkTypeNames.literal(e.getKey())
                              + " = "
                              + SparkTypeNames.literal(e.getValue()))
                  .collect(Collectors.joining(",\n")))
          .append(")\n");
    }
    return sb.toString();
  }

  private static String column(StructField f) {
    return "  "
        + SparkTypeNames.quote(f.name())
        + " "
        + SparkTypeNames.sql(f.type())
        + (f.nullable() ? "" : " NOT NULL")
        + f.comment().map(c -> " COMMENT " + SparkTypeNames.literal(c)).orElse("");
  }
}
