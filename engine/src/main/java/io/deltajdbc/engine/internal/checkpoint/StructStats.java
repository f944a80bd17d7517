package io.deltajdbc.engine.internal.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.PartitionValues;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.columnmapping.ColumnMapping;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The typed forms a checkpoint keeps when the table asks for them ({@code
 * delta.checkpoint.writeStatsAsStruct}): {@code add.stats_parsed} (statistics as a struct of the
 * data columns' types, by physical name) and {@code add.partitionValues_parsed}.
 */
final class StructStats {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StructType statsSchema;
  private final StructType partitionSchema;
  private final List<String> partitionKeys = new ArrayList<>();
  private final ZoneId zone;

  StructStats(Metadata metadata, ZoneId zone) {
    this.zone = zone;
    ColumnMapping mapping = ColumnMapping.of(metadata);
    StructType schema = metadata.parseSchema();
    List<String> partitions =
        metadata.partitionColumns().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    List<StructField> data = new ArrayList<>();
    List<StructField> parts = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (partitions.contains(f.name().toLowerCase(Locale.ROOT))) {
        String key = mapping.physicalName(f);
        partitionKeys.add(key);
        parts.add(new StructField(key, f.type(), true));
      } else {
        data.add(f);
      }
    }
    StructType physical = mapping.physicalSchema(new StructType(data));
    this.statsSchema =
        StructType.of(
            new StructField("numRecords", PrimitiveType.LONG, true),
            new StructField("minValues", bounded(physical), true),
            new StructField("maxValues", bounded(physical), true),
            new StructField("nullCount", counts(physical), true));
    this.partitionSchema = new StructType(parts);
  }

  StructType statsSchema() {
    return statsSchema;
  }

  StructType partitionSchema() {
    return partitionSchema;
  }

  /** The statistics of one file as a struct, or null when it has none (or they do not parse). */
  Row stats(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(json);
      return n == null || !n.isObject() ? null : row(n, statsSchema);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  Row partitionValues(Map<String, String> values) {
    Object[] out = new Object[partitionKeys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          PartitionValues.decode(
              values.get(partitionKeys.get(i)), partitionSchema.field(i).type(), zone);
    }
    return Row.wrap(out);
  }

  private static Row row(JsonNode node, StructType type) {
    Object[] out = new Object[type.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = node.get(type.field(i).name());
      out[i] = v == null || v.isNull() ? null : value(v, type.field(i).type());
    }
    return Row.wrap(out);
  }

  private static Object value(JsonNode v, DataType t) {
    if (t instanceof StructType s) {
      return v.isObject() ? row(v, s) : null;
    }
    if (t instanceof DecimalType d) {
      return v.isNumber() ? v.decimalValue().setScale(d.scale(), RoundingMode.HALF_UP) : null;
    }
    return switch ((PrimitiveType) t) {
      case LONG -> v.asLong();
      case INTEGER -> v.asInt();
      case SHORT -> (short) v.asInt();
      case BYTE -> (byte) v.asInt();
      case FLOAT -> (float) v.asDouble();
      case DOUBLE -> v.asDouble();
      case STRING -> v.asText();
      case DATE -> LocalDate.parse(v.asText());
      case TIMESTAMP -> OffsetDateTime.parse(v.asText()).toInstant();
      case TIMESTAMP_NTZ -> LocalDateTime.parse(v.asText());
      default -> null;
    };
  }

  /** The columns with minimum and maximum statistics (orderable types), nested structs kept. */
  private static StructType bounded(StructType s) {
    List<StructField> out = new ArrayList<>();
    for (StructField f : s.fields()) {
      if (f.type() instanceof StructType nested) {
        StructType b = bounded(nested);
        if (b.size() > 0) {
          out.add(new StructField(f.name(), b, true));
        }
      } else if (f.type() instanceof DecimalType
          || f.type() instanceof PrimitiveType p
              && p != PrimitiveType.BOOLEAN
              && p != PrimitiveType.BINARY
              && p != PrimitiveType.VARIANT
              && p != PrimitiveType.VOID) {
        out.add(new StructField(f.name(), f.type(), true));
      }
    }
    return new StructType(out);
  }

  private static StructType counts(StructType s) {
    List<StructField> out = new ArrayList<>();
    for (StructField f : s.fields()) {
      out.add(
          new StructField(
              f.name(), f.type() instanceof StructType n ? counts(n) : PrimitiveType.LONG, true));
    }
    return new StructType(out);
  }
}
