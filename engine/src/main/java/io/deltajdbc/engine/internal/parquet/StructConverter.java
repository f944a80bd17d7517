package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * Assembles a {@link Row} from a Parquet group. Fields the file lacks stay null; a bare repeated
 * field read as an array (the oldest list layout) collects its values into a list.
 */
final class StructConverter extends GroupConverter {
  private final int size;
  private final Converter[] children;
  private final int[] bareRepeated;
  private final ValueSink parent;
  private Object[] current;

  StructConverter(
      StructType schema, GroupType group, ReadContext ctx, String path, ValueSink parent) {
    this.size = schema.size();
    this.parent = parent;
    this.children = new Converter[group.getFieldCount()];
    List<Integer> bare = new ArrayList<>();
    for (FieldMatcher.Match m : FieldMatcher.match(schema, group, ctx.matching())) {
      StructField f = schema.fields().get(m.schemaIndex());
      Type p = group.getType(m.parquetIndex());
      String column = path.isEmpty() ? f.name() : path + "." + f.name();
      int slot = m.schemaIndex();
      if (f.type() instanceof ArrayType a
          && p.isRepetition(Type.Repetition.REPEATED)
          && !FieldMatcher.isList(p)) {
        bare.add(slot);
        children[m.parquetIndex()] =
            Converters.create(a.elementType(), p, ctx, column, v -> append(slot, v));
      } else {
        children[m.parquetIndex()] =
            Converters.create(f.type(), p, ctx, column, v -> current[slot] = v);
      }
    }
    this.bareRepeated = bare.stream().mapToInt(Integer::intValue).toArray();
  }

  @SuppressWarnings("unchecked")
  private void append(int slot, Object v) {
    if (current[slot] == null) {
      current[slot] = new ArrayList<>();
    }
    ((List<Object>) current[slot]).add(v);
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return children[fieldIndex];
  }

  @Override
  public void start() {
    current = new Object[size];
  }

  @Override
  public void end() {
    for (int slot : bareRepeated) {
      if (current[slot] == null) {
        current[slot] = new ArrayList<>();
      }
    }
    parent.set(Row.wrap(current));
  }
}
