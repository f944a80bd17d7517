package io.deltajdbc.engine.internal.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.expressions.Values;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one data file's statistics while its rows are written (protocol: "Per-file Statistics"):
 * the row count, and for the indexed columns (the first {@code delta.dataSkippingNumIndexedCols}
 * leaves) their null counts and, for orderable types, minimum and maximum. Keys are physical names,
 * so the JSON is what Delta writes.
 */
final class StatsCollector {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private final Node root;
  private final int stringPrefix;
  private final boolean tightBounds;
  private long numRecords;

  /**
   * @param dataSchema the file's columns, in row order, with column-mapping metadata
   * @param physical whether statistics are keyed by physical names
   * @param numIndexedCols how many leaf columns get statistics (negative: all)
   * @param stringPrefix the prefix length string bounds are truncated to
   * @param tightBounds whether to write {@code tightBounds: true} (tables with deletion vectors)
   */
  StatsCollector(
      StructType dataSchema,
      boolean physical,
      int numIndexedCols,
      int stringPrefix,
      boolean tightBounds) {
    this.root =
        new Node(
            null,
            dataSchema,
            physical,
            new int[] {numIndexedCols < 0 ? Integer.MAX_VALUE : numIndexedCols});
    this.stringPrefix = stringPrefix;
    this.tightBounds = tightBounds;
  }

  void add(Row row) {
    numRecords++;
    root.accept(row);
  }

  long numRecords() {
    return numRecords;
  }

  String toJson() {
    ObjectNode out = NODES.objectNode();
    out.put("numRecords", numRecords);
    ObjectNode min = NODES.objectNode();
    ObjectNode max = NODES.objectNode();
    ObjectNode nulls = NODES.objectNode();
    root.write(min, max, nulls, stringPrefix);
    out.set("minValues", min);
    out.set("maxValues", max);
    out.set("nullCount", nulls);
    if (tightBounds) {
      out.put("tightBounds", true);
    }
    return out.toString();
  }

  /** A column (or struct of columns) of the statistics tree. */
  private static final class Node {
    private final String key;
    private final DataType type;
    private final List<Node> children = new ArrayList<>();
    private final List<Integer> slots = new ArrayList<>();
    private long nullCount;
    private Object min;
    private Object max;

    Node(String key, DataType type, boolean physical, int[] budget) {
      this.key = key;
      this.type = type;
      if (type instanceof StructType s) {
        for (int i = 0; i < s.size() && budget[0] > 0; i++) {
          StructField f = s.field(i);
          if (!(f.type() instanceof StructType)) {
            budget[0]--;
          }
          children.add(
              new Node(physical ? f.physicalName() : f.name(), f.type(), physical, budget));
          slots.add(i);
        }
      }
    }

    boolean isStruct() {
      return type instanceof StructType;
    }

    void accept(Object value) {
      if (isStruct()) {
        Row r = (Row) value;
        for (int i = 0; i < children.size(); i++) {
          children.get(i).accept(r == null ? null : r.get(slots.get(i)));
        }
        return;
      }
      if (value == null) {
        nullCount++;
        return;
      }
      if (hasBounds(type)) {
        if (min == null || Values.compare(value, min) < 0) {
          min = value;
        }
        if (max == null || Values.compare(value, max) > 0) {
          max = value;
        }
      }
    }

    void write(ObjectNode min, ObjectNode max, ObjectNode nulls, int prefix) {
      for (Node c : children) {
        if (c.isStruct()) {
          ObjectNode cmin = NODES.objectNode();
          ObjectNode cmax = NODES.objectNode();
          ObjectNode cnulls = NODES.objectNode();
          c.write(cmin, cmax, cnulls, prefix);
          if (!cmin.isEmpty()) {
            min.set(c.key, cmin);
          }
          if (!cmax.isEmpty()) {
            max.set(c.key, cmax);
          }
          nulls.set(c.key, cnulls);
          continue;
        }
        nulls.put(c.key, c.nullCount);
        if (c.min != null) {
          Object lo = c.min instanceof String s ? StringBounds.truncateMin(s, prefix) : c.min;
          Object hi = c.max instanceof String s ? StringBounds.truncateMax(s, prefix) : c.max;
          put(min, c.key, lo);
          put(max, c.key, hi);
        }
      }
    }

    private static boolean hasBounds(DataType t) {
      if (t instanceof DecimalType) {
        return true;
      }
      if (!(t instanceof PrimitiveType p)) {
        return false;
      }
      return switch (p) {
        case BYTE, SHORT, INTEGER, LONG, FLOAT, DOUBLE, STRING, DATE, TIMESTAMP, TIMESTAMP_NTZ ->
            true;
        default -> false;
      };
    }

    private static void put(ObjectNode node, String key, Object v) {
      if (v == null) {
        return;
      }
      if (v instanceof String s) {
        node.put(key, s);
      } else if (v instanceof Long
          || v instanceof Integer
          || v instanceof Short
          || v instanceof Byte) {
        node.put(key, ((Number) v).longValue());
      } else if (v instanceof Double d) {
        if (!d.isNaN()) {
          node.put(key, d);
        }
      } else if (v instanceof Float f) {
        if (!f.isNaN()) {
          node.put(key, f.doubleValue());
        }
      } else if (v instanceof BigDecimal b) {
        node.put(key, b);
      } else if (v instanceof LocalDate d) {
        node.put(key, d.toString());
      } else if (v instanceof Instant i) {
        node.put(key, MILLIS.format(i.atOffset(ZoneOffset.UTC)) + "Z");
      } else if (v instanceof LocalDateTime t) {
        node.put(key, MILLIS.format(t));
      }
    }
  }
}
