package io.deltajdbc.engine.expressions;

/**
 * A constant, in the Java representation of {@link io.deltajdbc.engine.data.Row} (null is SQL
 * NULL). Numbers of different classes compare by value, so {@code Literal.of(5)} matches a long
 * column.
 */
public record Literal(Object value) implements Expression {
  public static Literal of(Object value) {
    return new Literal(value);
  }

  @Override
  public String toString() {
    return value instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(value);
  }
}
