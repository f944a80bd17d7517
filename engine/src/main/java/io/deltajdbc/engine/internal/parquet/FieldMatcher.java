package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;

/**
 * Pairs schema fields with Parquet fields, and reads the list and map layouts Parquet writers have
 * used over the years (the format's "backward-compatibility rules" for LIST and MAP).
 */
public final class FieldMatcher {
  private FieldMatcher() {}

  /** A schema field and the Parquet field holding its data. */
  public record Match(int schemaIndex, int parquetIndex) {}

  /**
   * Where a list's elements are: the repeated field, and the element inside it (may be the same).
   */
  record ListLayout(Type repeated, Type element) {
    /** True for the three-level form: the repeated group wraps a single element field. */
    boolean threeLevel() {
      return repeated != element;
    }
  }

  public static List<Match> match(StructType schema, GroupType group, ColumnMatching matching) {
    Map<Integer, Integer> byId = new HashMap<>();
    Map<String, Integer> byName = new HashMap<>();
    Map<String, Integer> byLowerName = new HashMap<>();
    for (int i = 0; i < group.getFieldCount(); i++) {
      Type t = group.getType(i);
      if (t.getId() != null) {
        byId.putIfAbsent(t.getId().intValue(), i);
      }
      byName.putIfAbsent(t.getName(), i);
      byLowerName.putIfAbsent(t.getName().toLowerCase(Locale.ROOT), i);
    }
    List<Match> out = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      StructField f = schema.fields().get(i);
      Integer p = null;
      if (matching == ColumnMatching.BY_FIELD_ID && f.fieldId().isPresent() && !byId.isEmpty()) {
        p = byId.get(f.fieldId().get());
      } else {
        String name = f.physicalName();
        p = byName.get(name);
        if (p == null) {
          p = byLowerName.get(name.toLowerCase(Locale.ROOT));
        }
      }
      if (p != null) {
        out.add(new Match(i, p));
      }
    }
    return out;
  }

  static boolean isList(Type t) {
    return !t.isPrimitive()
        && (t.getLogicalTypeAnnotation()
            instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation);
  }

  static boolean isMap(Type t, DataType schemaType) {
    if (t.isPrimitive()) {
      return false;
    }
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      return true;
    }
    // Unannotated legacy maps: a group whose single child is a repeated key/value group.
    GroupType g = t.asGroupType();
    return schemaType instanceof io.deltajdbc.engine.types.MapType
        && g.getFieldCount() == 1
        && g.getType(0).isRepetition(Type.Repetition.REPEATED)
        && !g.getType(0).isPrimitive();
  }

  /** The element layout of a LIST-annotated group, per the format's compatibility rules. */
  static ListLayout listLayout(GroupType list, ArrayType schemaType) {
    Type repeated = list.getType(0);
    if (repeated.isPrimitive()) {
      return new ListLayout(repeated, repeated);
    }
    GroupType g = repeated.asGroupType();
    if (g.getFieldCount() > 1
        || g.getName().equals("array")
        || g.getName().equals(list.getName() + "_tuple")) {
      return new ListLayout(repeated, repeated);
    }
    // A two-level list of one-field structs: Spark's rule, the repeated group is the element when
    // its single field is the element struct's single field.
    if (schemaType.elementType() instanceof StructType s
        && s.size() == 1
        && s.fields().get(0).physicalName().equalsIgnoreCase(g.getType(0).getName())
        && !(s.fields().get(0).type() instanceof StructType)) {
      return new ListLayout(repeated, repeated);
    }
    return new ListLayout(repeated, g.getType(0));
  }
}
