package io.deltajdbc.engine.internal.checkpoint.columnar;

import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Where the fields of a read schema are in a file's Parquet schema, matched by name as the row
 * reader matches them (exact, then ignoring case): each field by its dotted name ({@code add.path},
 * {@code metaData.format}), with the definition levels at which it and its map or list exist. A
 * field the file lacks has no entry; one of another shape than this reader decodes is refused.
 */
final class CheckpointColumns {
  /** Where one field is. */
  sealed interface Ref permits Leaf, MapRef, ListRef, StructRef {}

  /** A primitive field. */
  record Leaf(ColumnDescriptor column) implements Ref {}

  /** A map of strings: present from {@code mapDef}, with entries from {@code entryDef}. */
  record MapRef(ColumnDescriptor key, ColumnDescriptor value, int mapDef, int entryDef)
      implements Ref {}

  /** A list of strings: present from {@code listDef}, with elements from {@code elementDef}. */
  record ListRef(ColumnDescriptor element, int listDef, int elementDef) implements Ref {}

  /** A struct: present where one of its leaves is defined to {@code level} or deeper. */
  record StructRef(int level, List<ColumnDescriptor> leaves) implements Ref {}

  private final MessageType schema;
  private final Map<String, Ref> refs = new HashMap<>();
  private final Set<ColumnDescriptor> leaves = new LinkedHashSet<>();

  private CheckpointColumns(MessageType schema) {
    this.schema = schema;
  }

  /**
   * The fields of {@code read} in {@code file} (already projected to them).
   *
   * @throws UnsupportedEncodingFound when a field is of a shape or physical type not decoded here
   */
  static CheckpointColumns of(MessageType file, StructType read) {
    CheckpointColumns c = new CheckpointColumns(file);
    c.struct(read, file, "", new ArrayList<>());
    return c;
  }

  /** The field's place, or null when the file does not have it. */
  Ref ref(String dottedName) {
    return refs.get(dottedName);
  }

  /** Every leaf column to decode. */
  Set<ColumnDescriptor> leaves() {
    return leaves;
  }

  private List<ColumnDescriptor> struct(
      StructType s, GroupType group, String prefix, List<String> path) {
    List<ColumnDescriptor> under = new ArrayList<>();
    for (StructField f : s.fields()) {
      Type t = find(group, f.name());
      if (t == null) {
        continue;
      }
      String name = prefix + f.name();
      List<String> p = new ArrayList<>(path);
      p.add(t.getName());
      if (t.isRepetition(Type.Repetition.REPEATED)) {
        throw unsupported(name, "is repeated");
      }
      under.addAll(field(f.type(), t, name, p));
    }
    return under;
  }

  private List<ColumnDescriptor> field(DataType type, Type t, String name, List<String> path) {
    String[] p = path.toArray(new String[0]);
    if (type instanceof StructType s) {
      if (t.isPrimitive() || t.getLogicalTypeAnnotation() != null) {
        throw unsupported(name, "is not a plain group");
      }
      List<ColumnDescriptor> under = struct(s, t.asGroupType(), name + ".", path);
      refs.put(name, new StructRef(schema.getMaxDefinitionLevel(p), List.copyOf(under)));
      return under;
    }
    if (type instanceof MapType m) {
      return map(m, t, name, path);
    }
    if (type instanceof ArrayType a) {
      return list(a, t, name, path);
    }
    ColumnDescriptor c = leaf((PrimitiveType) type, t, name, p);
    refs.put(name, new Leaf(c));
    return List.of(c);
  }

  private List<ColumnDescriptor> map(MapType m, Type t, String name, List<String> path) {
    if (m.keyType() != PrimitiveType.STRING
        || m.valueType() != PrimitiveType.STRING
        || t.isPrimitive()) {
      throw unsupported(name, "is not a map of strings");
    }
    GroupType g = t.asGroupType();
    LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
    boolean annotated =
        a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
    if (!(annotated || a == null)
        || g.getFieldCount() != 1
        || g.getType(0).isPrimitive()
        || !g.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      throw unsupported(name, "is not a map");
    }
    GroupType kv = g.getType(0).asGroupType();
    if (kv.getFieldCount() < 1 || kv.getFieldCount() > 2) {
      throw unsupported(name, "has a key/value group of " + kv.getFieldCount() + " fields");
    }
    List<String> kvPath = new ArrayList<>(path);
    kvPath.add(kv.getName());
    ColumnDescriptor key = child(kv, 0, name + ".key", kvPath);
    ColumnDescriptor value = kv.getFieldCount() > 1 ? child(kv, 1, name + ".value", kvPath) : null;
    refs.put(
        name,
        new MapRef(
            key,
            value,
            schema.getMaxDefinitionLevel(path.toArray(new String[0])),
            schema.getMaxDefinitionLevel(kvPath.toArray(new String[0]))));
    return value == null ? List.of(key) : List.of(key, value);
  }

  private List<ColumnDescriptor> list(ArrayType a, Type t, String name, List<String> path) {
    if (a.elementType() != PrimitiveType.STRING
        || t.isPrimitive()
        || !(t.getLogicalTypeAnnotation()
            instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)) {
      throw unsupported(name, "is not a list of strings");
    }
    GroupType g = t.asGroupType();
    if (g.getFieldCount() != 1 || !g.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      throw unsupported(name, "is not a list");
    }
    Type repeated = g.getType(0);
    List<String> repeatedPath = new ArrayList<>(path);
    repeatedPath.add(repeated.getName());
    ColumnDescriptor element;
    if (repeated.isPrimitive()) {
      element =
          leafColumn(PrimitiveType.STRING, repeated, name, repeatedPath.toArray(new String[0]));
    } else {
      GroupType r = repeated.asGroupType();
      if (r.getFieldCount() != 1
          || r.getName().equals("array")
          || r.getName().equals(g.getName() + "_tuple")) {
        throw unsupported(name, "is a list of groups");
      }
      element = child(r, 0, name + ".element", repeatedPath);
    }
    refs.put(
        name,
        new ListRef(
            element,
            schema.getMaxDefinitionLevel(path.toArray(new String[0])),
            schema.getMaxDefinitionLevel(repeatedPath.toArray(new String[0]))));
    return List.of(element);
  }

  private ColumnDescriptor child(GroupType g, int index, String name, List<String> path) {
    Type t = g.getType(index);
    if (t.isRepetition(Type.Repetition.REPEATED)) {
      throw unsupported(name, "is repeated");
    }
    List<String> p = new ArrayList<>(path);
    p.add(t.getName());
    return leaf(PrimitiveType.STRING, t, name, p.toArray(new String[0]));
  }

  private ColumnDescriptor leaf(PrimitiveType type, Type t, String name, String[] path) {
    if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
      throw unsupported(name, "is not a single primitive value");
    }
    return leafColumn(type, t, name, path);
  }

  private ColumnDescriptor leafColumn(PrimitiveType type, Type t, String name, String[] path) {
    if (!t.isPrimitive()) {
      throw unsupported(name, "is not primitive");
    }
    PrimitiveTypeName physical = t.asPrimitiveType().getPrimitiveTypeName();
    boolean ok =
        switch (type) {
          case STRING -> physical == PrimitiveTypeName.BINARY;
          case LONG -> physical == PrimitiveTypeName.INT64 || physical == PrimitiveTypeName.INT32;
          case INTEGER -> physical == PrimitiveTypeName.INT32;
          case BOOLEAN -> physical == PrimitiveTypeName.BOOLEAN;
          default -> false;
        };
    if (!ok) {
      throw unsupported(name, "is stored as " + physical);
    }
    ColumnDescriptor c = schema.getColumnDescription(path);
    leaves.add(c);
    return c;
  }

  /** The field of {@code group} named {@code name}: exactly, else ignoring case (the first one). */
  private static Type find(GroupType group, String name) {
    Type lower = null;
    for (Type t : group.getFields()) {
      if (t.getName().equals(name)) {
        return t;
      }
      if (lower == null
          && t.getName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        lower = t;
      }
    }
    return lower;
  }

  private static UnsupportedEncodingFound unsupported(String name, String why) {
    return new UnsupportedEncodingFound("column " + name + " " + why);
  }
}
