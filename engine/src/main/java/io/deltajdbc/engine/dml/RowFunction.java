package io.deltajdbc.engine.dml;

import java.io.Serializable;

/**
 * The code of a {@link DmlFunction}: a value computed from some of a row's values, with the
 * caller's semantics. It is serialized to the execution backend's tasks and called once per row
 * there, possibly from several threads at once.
 */
@FunctionalInterface
public interface RowFunction extends Serializable {

  /**
   * The function's value for one row. {@code arguments} are engine values (see {@link
   * io.deltajdbc.engine.data.Row}) in the order of {@link DmlFunction#inputs()}; the result is an
   * engine value of {@link DmlFunction#resultType()}, or null. A failure is reported by throwing an
   * {@link io.deltajdbc.engine.DeltaException}: the statement then commits nothing.
   */
  Object apply(Object[] arguments);
}
