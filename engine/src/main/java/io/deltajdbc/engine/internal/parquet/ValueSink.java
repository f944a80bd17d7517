package io.deltajdbc.engine.internal.parquet;

/** Where a converter puts the value it has assembled: a struct slot, a list, a map entry. */
@FunctionalInterface
interface ValueSink {
  void set(Object value);
}
