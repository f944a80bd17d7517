package io.deltajdbc.engine.internal.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Turns checkpoint statistics kept as a struct ({@code add.stats_parsed}) into the JSON form of
 * {@code add.stats}, so that the rest of the engine reads one representation.
 */
final class ParsedStats {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private ParsedStats() {}

  /**
   * The JSON statistics of a {@code stats_parsed} row of the given schema, or null when it has
   * none.
   */
  static String toJson(Row parsed, StructType schema) {
    if (parsed == null) {
      return null;
    }
    ObjectNode out = object(parsed, schema);
    return out.isEmpty() ? null : out.toString();
  }

  private static ObjectNode object(Row row, StructType schema) {
    ObjectNode node = NODES.objectNode();
    for (int i = 0; i < schema.size(); i++) {
      Object v = row.get(i);
      StructField f = schema.field(i);
      JsonNode n = v instanceof Row r && f.type() instanceof StructType s ? object(r, s) : value(v);
      if (n != null && !(n instanceof ObjectNode o && o.isEmpty())) {
        node.set(f.name(), n);
      }
    }
    return node;
  }

  private static JsonNode value(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return NODES.numberNode(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      return NODES.numberNode(((Number) v).doubleValue());
    }
    if (v instanceof BigDecimal b) {
      return NODES.numberNode(b);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof LocalDate d) {
      return NODES.textNode(d.toString());
    }
    if (v instanceof Instant i) {
      return NODES.textNode(MILLIS.format(i.atOffset(ZoneOffset.UTC)) + "Z");
    }
    if (v instanceof LocalDateTime t) {
      return NODES.textNode(MILLIS.format(t));
    }
    return null; // binary and other values have no statistics
  }
}
