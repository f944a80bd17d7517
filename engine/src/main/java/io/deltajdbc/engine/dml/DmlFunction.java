package io.deltajdbc.engine.dml;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.types.DataType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A function the caller evaluates itself, for a DML statement's conditions and values: the
 * statement's text calls it by {@link #call()} instead of stating the expression in Spark SQL, so
 * that the expression means exactly what the caller's own SQL means (the JDBC driver compiles it
 * with Calcite, as its queries are). The executor registers it for the statement's duration only.
 *
 * @param name a name no other function of the JVM has
 * @param sql the expression as the caller's SQL, for the table's history and for messages
 * @param inputs the columns the function reads, in argument order
 * @param resultType the engine type of the result; for a value stored in a column, that column's
 *     type
 * @param function the code
 */
public record DmlFunction(
    String name, String sql, List<Input> inputs, DataType resultType, RowFunction function) {
  private static final AtomicLong NEXT = new AtomicLong();

  /** The prefix of every function name; nothing else may use it. */
  public static final String PREFIX = "__deltajdbc_fn_";

  public DmlFunction {
    requireNonNull(name, "name");
    requireNonNull(sql, "sql");
    inputs = List.copyOf(requireNonNull(inputs, "inputs"));
    requireNonNull(resultType, "resultType");
    requireNonNull(function, "function");
    if (!name.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "a DML function's name starts with " + PREFIX + ", not " + name);
    }
  }

  /** A function under a new name. */
  public static DmlFunction of(
      String sql, List<Input> inputs, DataType resultType, RowFunction function) {
    return new DmlFunction(PREFIX + NEXT.incrementAndGet(), sql, inputs, resultType, function);
  }

  /**
   * {@code text} with each call of one of {@code functions} replaced by the function's SQL, for the
   * history.
   */
  public static String describe(String text, List<DmlFunction> functions) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (DmlFunction f : functions) {
      out = out.replace(f.call(), "(" + f.sql() + ")");
    }
    return out;
  }

  /**
   * A column the function reads: {@code qualifier.column} in MERGE (the target's or the source's
   * alias), the bare column in UPDATE and DELETE (qualifier null).
   */
  public record Input(String qualifier, String column, DataType type) {
    public Input {
      requireNonNull(column, "column");
      requireNonNull(type, "type");
    }

    String sql() {
      return (qualifier == null ? "" : quote(qualifier) + ".") + quote(column);
    }
  }

  /**
   * The expression text that calls the function on a row, for a spec's condition or value. The
   * inputs travel as one struct, so that any number of them fits one call.
   */
  public String call() {
    StringBuilder b = new StringBuilder(quote(name)).append("(named_struct(");
    if (inputs.isEmpty()) {
      b.append("'a0', 0");
    }
    for (int i = 0; i < inputs.size(); i++) {
      b.append(i == 0 ? "" : ", ").append("'a").append(i).append("', ").append(inputs.get(i).sql());
    }
    return b.append("))").toString();
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
