package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The part of a file's Parquet schema a read needs: only the columns of the requested fields,
 * nested fields included, so that parquet-hadoop reads no other column chunk.
 */
public final class ReadProjection {
  private ReadProjection() {}

  public static MessageType of(MessageType file, StructType schema, ColumnMatching matching) {
    return new MessageType(file.getName(), fields(file, schema, matching));
  }

  private static List<Type> fields(GroupType group, StructType schema, ColumnMatching matching) {
    List<Type> out = new ArrayList<>();
    for (FieldMatcher.Match m : FieldMatcher.match(schema, group, matching)) {
      Type projected =
          project(
              group.getType(m.parquetIndex()),
              schema.fields().get(m.schemaIndex()).type(),
              matching);
      if (projected != null) {
        out.add(projected);
      }
    }
    return out;
  }

  /** The projected field, or null when nothing of it is read. */
  static Type project(Type field, DataType type, ColumnMatching matching) {
    if (type == PrimitiveType.VOID) {
      return null;
    }
    if (field.isPrimitive()
        || type instanceof PrimitiveType
        || type instanceof io.deltajdbc.engine.types.DecimalType) {
      return field;
    }
    GroupType g = field.asGroupType();
    if (type instanceof StructType s) {
      if (FieldMatcher.isList(field) || field.isRepetition(Type.Repetition.REPEATED)) {
        return field; // a mismatch the converter reports
      }
      List<Type> children = fields(g, s, matching);
      return children.isEmpty() ? null : g.withNewFields(children);
    }
    if (type instanceof ArrayType a) {
      if (field.isRepetition(Type.Repetition.REPEATED) && !FieldMatcher.isList(field)) {
        return projectElement(field, a.elementType(), matching);
      }
      if (!FieldMatcher.isList(field)) {
        return field;
      }
      FieldMatcher.ListLayout layout = FieldMatcher.listLayout(g, a);
      if (!layout.threeLevel()) {
        Type element = projectElement(layout.repeated(), a.elementType(), matching);
        return element == null ? null : g.withNewFields(element);
      }
      Type element = project(layout.element(), a.elementType(), matching);
      return element == null
          ? null
          : g.withNewFields(layout.repeated().asGroupType().withNewFields(element));
    }
    if (type instanceof MapType m && FieldMatcher.isMap(field, type)) {
      GroupType kv = g.getType(0).asGroupType();
      Type key = project(kv.getType(0), m.keyType(), matching);
      Type value = kv.getFieldCount() > 1 ? project(kv.getType(1), m.valueType(), matching) : null;
      List<Type> kvFields = new ArrayList<>();
      if (key != null) {
        kvFields.add(key);
      }
      if (value != null) {
        kvFields.add(value);
      }
      return kvFields.isEmpty() ? null : g.withNewFields(kv.withNewFields(kvFields));
    }
    return field;
  }

  /** A repeated field that is itself the element (two-level lists). */
  private static Type projectElement(Type repeated, DataType elementType, ColumnMatching matching) {
    if (repeated.isPrimitive()) {
      return repeated;
    }
    if (elementType instanceof StructType s) {
      List<Type> children = fields(repeated.asGroupType(), s, matching);
      return children.isEmpty() ? null : repeated.asGroupType().withNewFields(children);
    }
    return repeated;
  }
}
