package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.types.MapType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;

/** Assembles an insertion-ordered {@link Map} from a MAP group's repeated key/value entries. */
final class MapConverter extends GroupConverter {
  private final ValueSink parent;
  private final EntryConverter entries;
  private Map<Object, Object> current;
  private Object key;
  private Object value;

  MapConverter(MapType type, GroupType map, ReadContext ctx, String column, ValueSink parent) {
    this.parent = parent;
    GroupType kv = map.getType(0).asGroupType();
    Converter keyConverter =
        Converters.create(type.keyType(), kv.getType(0), ctx, column + ".key", v -> key = v);
    Converter valueConverter =
        kv.getFieldCount() > 1
            ? Converters.create(
                type.valueType(), kv.getType(1), ctx, column + ".value", v -> value = v)
            : null;
    this.entries = new EntryConverter(keyConverter, valueConverter);
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return entries;
  }

  @Override
  public void start() {
    current = new LinkedHashMap<>();
  }

  @Override
  public void end() {
    parent.set(current);
  }

  private final class EntryConverter extends GroupConverter {
    private final Converter keyConverter;
    private final Converter valueConverter;

    EntryConverter(Converter keyConverter, Converter valueConverter) {
      this.keyConverter = keyConverter;
      this.valueConverter = valueConverter;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return fieldIndex == 0 ? keyConverter : valueConverter;
    }

    @Override
    public void start() {
      key = null;
      value = null;
    }

    @Override
    public void end() {
      current.put(key, value);
    }
  }
}
