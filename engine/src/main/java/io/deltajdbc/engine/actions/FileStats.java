package io.deltajdbc.engine.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * A file's statistics as written in {@code add.stats}. Values stay JSON until a column's type reads
 * them; columns are addressed by their physical path.
 */
public record FileStats(
    Long numRecords,
    JsonNode minValues,
    JsonNode maxValues,
    JsonNode nullCount,
    boolean tightBounds) {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final FileStats NONE = new FileStats(null, null, null, null, true);

  /**
   * Parses {@code add.stats}; missing or unreadable statistics give {@link #NONE} (the file is
   * always read).
   */
  /**
   * The statistics JSON of a file some of whose rows a deletion vector now deletes: the same, with
   * {@code tightBounds} false (numRecords stays physical; min/max may be wider than the live rows).
   * Null stays null; text that is not a JSON object is returned as it is.
   */
  public static String withLooseBounds(String stats) {
    if (stats == null) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(stats);
      if (n instanceof ObjectNode o) {
        o.put("tightBounds", false);
        return o.toString();
      }
      return stats;
    } catch (IOException e) {
      return stats;
    }
  }

  public static FileStats parse(String stats) {
    if (stats == null || stats.isEmpty()) {
      return NONE;
    }
    try {
      JsonNode n = JSON.readTree(stats);
      if (n == null || !n.isObject()) {
        return NONE;
      }
      JsonNode num = n.get("numRecords");
      JsonNode tight = n.get("tightBounds");
      return new FileStats(
          num != null && num.canConvertToLong() ? num.asLong() : null,
          n.get("minValues"),
          n.get("maxValues"),
          n.get("nullCount"),
          tight == null || !tight.isBoolean() || tight.asBoolean());
    } catch (IOException e) {
      return NONE;
    }
  }

  public JsonNode min(List<String> physicalPath) {
    return at(minValues, physicalPath);
  }

  public JsonNode max(List<String> physicalPath) {
    return at(maxValues, physicalPath);
  }

  /** The null count of a column, or null when unknown. */
  public Long nulls(List<String> physicalPath) {
    JsonNode n = at(nullCount, physicalPath);
    return n != null && n.canConvertToLong() ? n.asLong() : null;
  }

  private static JsonNode at(JsonNode root, List<String> path) {
    JsonNode n = root;
    for (String p : path) {
      if (n == null || !n.isObject()) {
        return null;
      }
      n = n.get(p);
    }
    return n == null || n.isNull() || n.isContainerNode() ? null : n;
  }
}
