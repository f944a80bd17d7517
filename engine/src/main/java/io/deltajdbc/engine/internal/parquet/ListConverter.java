package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.types.ArrayType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;

/** Assembles a {@link List} from a LIST-annotated group, in its two- or three-level layout. */
final class ListConverter extends GroupConverter {
  private final ValueSink parent;
  private final Converter repeated;
  private List<Object> current;

  ListConverter(ArrayType type, GroupType list, ReadContext ctx, String column, ValueSink parent) {
    this.parent = parent;
    FieldMatcher.ListLayout layout = FieldMatcher.listLayout(list, type);
    String elementColumn = column + ".element";
    if (layout.threeLevel()) {
      this.repeated =
          new ElementConverter(
              Converters.create(
                  type.elementType(), layout.element(), ctx, elementColumn, this::addPending));
    } else {
      this.repeated =
          Converters.create(
              type.elementType(), layout.repeated(), ctx, elementColumn, v -> current.add(v));
    }
  }

  private Object pending;

  private void addPending(Object v) {
    pending = v;
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return repeated;
  }

  @Override
  public void start() {
    current = new ArrayList<>();
  }

  @Override
  public void end() {
    parent.set(current);
  }

  /** The repeated group of a three-level list: one element per repetition, null when absent. */
  private final class ElementConverter extends GroupConverter {
    private final Converter element;

    ElementConverter(Converter element) {
      this.element = element;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return element;
    }

    @Override
    public void start() {
      pending = null;
    }

    @Override
    public void end() {
      current.add(pending);
    }
  }
}
