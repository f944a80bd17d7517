package io.deltajdbc.calcite.internal;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.StructType;
import java.util.Iterator;
import java.util.function.Function;

/** Rows of a Calcite result as engine rows, counted as they pass. */
public final class CalciteRows {
  private CalciteRows() {}

  /**
   * The engine rows of a Calcite enumerable's rows for {@code schema}: {@code Object[]} rows, or
   * the value itself for a one-column result.
   */
  public static Counted<Row> toEngine(Iterator<?> rows, StructType schema) {
    boolean scalar = schema.size() == 1;
    return new Counted<>(rows, r -> toEngine(scalar ? new Object[] {r} : (Object[]) r, schema));
  }

  /** One row of Calcite values (in {@code schema}'s column order) as an engine row. */
  public static Row toEngine(Object[] values, StructType schema) {
    Object[] out = new Object[schema.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = CalciteValues.toEngine(values[i], schema.field(i).type());
    }
    return Row.wrap(out);
  }

  /** An iterator that maps and counts what it hands out. */
  public static final class Counted<T> implements Iterator<T> {
    private final Iterator<?> source;
    private final Function<Object, T> map;
    private long count;

    public <S> Counted(Iterator<S> source, Function<Object, T> map) {
      this.source = source;
      this.map = map;
    }

    @Override
    public boolean hasNext() {
      return source.hasNext();
    }

    @Override
    public T next() {
      T t = map.apply(source.next());
      count++;
      return t;
    }

    /** How many elements were handed out. */
    public long count() {
      return count;
    }
  }
}
