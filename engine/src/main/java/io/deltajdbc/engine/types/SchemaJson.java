package io.deltajdbc.engine.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes Delta's schema JSON (protocol: "Schema Serialization Format"), the form kept in
 * {@code metaData.schemaString}.
 */
public final class SchemaJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern DECIMAL =
      Pattern.compile("decimal\\(\\s*(\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");

  private SchemaJson() {}

  /** Parses a struct schema; throws {@link IllegalArgumentException} naming what is wrong. */
  public static StructType parse(String json) {
    try {
      DataType t = parseType(MAPPER.readTree(json));
      if (t instanceof StructType s) {
        return s;
      }
      throw new IllegalArgumentException("schema is not a struct: " + json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses one type node: a string for primitives and decimals, an object for the rest. */
  public static DataType parseType(JsonNode node) {
    if (node.isTextual()) {
      return parsePrimitive(node.asText());
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("unexpected schema node: " + node);
    }
    String type = node.path("type").asText();
    switch (type) {
      case "struct":
        {
          List<StructField> fields = new ArrayList<>();
          for (JsonNode f : node.path("fields")) {
            fields.add(parseField(f));
          }
          return new StructType(fields);
        }
      case "array":
        return new ArrayType(
            parseType(node.path("elementType")), node.path("containsNull").asBoolean(true));
      case "map":
        return new MapType(
            parseType(node.path("keyType")),
            parseType(node.path("valueType")),
            node.path("valueContainsNull").asBoolean(true));
      default:
        throw new IllegalArgumentException(
            "unknown complex type '" + type + "' in schema: " + node);
    }
  }

  private static StructField parseField(JsonNode f) {
    if (!f.hasNonNull("name") || !f.has("type")) {
      throw new IllegalArgumentException("struct field lacks name or type: " + f);
    }
    Map<String, Object> metadata =
        f.has("metadata") && f.get("metadata").isObject() ? toJavaMap(f.get("metadata")) : Map.of();
    return new StructField(
        f.get("name").asText(),
        parseType(f.get("type")),
        f.path("nullable").asBoolean(true),
        new StructField.FieldMetadata(metadata));
  }

  private static DataType parsePrimitive(String name) {
    Matcher m = DECIMAL.matcher(name.trim());
    if (m.matches()) {
      return new DecimalType(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    if (name.equals("decimal")) {
      return new DecimalType(10, 0); // Spark's default precision and scale
    }
    return PrimitiveType.fromJsonName(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown type '" + name + "' in schema"));
  }

  /** The schema JSON of a struct, in the field order and form Spark writes. */
  public static String toJson(StructType schema) {
    return toNode(schema).toString();
  }

  public static JsonNode toNode(DataType type) {
    if (type instanceof PrimitiveType p) {
      return MAPPER.getNodeFactory().textNode(p.typeName());
    }
    if (type instanceof DecimalType d) {
      return MAPPER.getNodeFactory().textNode(d.typeName());
    }
    ObjectNode n = MAPPER.createObjectNode();
    if (type instanceof StructType s) {
      n.put("type", "struct");
      ArrayNode fields = n.putArray("fields");
      for (StructField f : s.fields()) {
        ObjectNode fn = fields.addObject();
        fn.put("name", f.name());
        fn.set("type", toNode(f.type()));
        fn.put("nullable", f.nullable());
        fn.set("metadata", MAPPER.valueToTree(f.metadata().values()));
      }
    } else if (type instanceof ArrayType a) {
      n.put("type", "array");
      n.set("elementType", toNode(a.elementType()));
      n.put("containsNull", a.containsNull());
    } else if (type instanceof MapType m) {
      n.put("type", "map");
      n.set("keyType", toNode(m.keyType()));
      n.set("valueType", toNode(m.valueType()));
      n.put("valueContainsNull", m.valueContainsNull());
    }
    return n;
  }

  private static Map<String, Object> toJavaMap(JsonNode obj) {
    Map<String, Object> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), toJava(e.getValue()));
    }
    return out;
  }

  private static Object toJava(JsonNode v) {
    if (v.isObject()) {
      return toJavaMap(v);
    }
    if (v.isArray()) {
      List<Object> list = new ArrayList<>();
      v.forEach(x -> list.add(toJava(x)));
      return list;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isNull()) {
      return null;
    }
    return v.asText();
  }
}
