package io.deltajdbc.engine.expressions;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A reference to a column by its logical name; nested struct fields by a path of names. */
public record Column(List<String> path) implements Expression {
  public Column {
    requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a column reference needs at least one name");
    }
    path = List.copyOf(path);
  }

  public static Column of(String... path) {
    return new Column(List.of(path));
  }

  /** The top-level column this reference reads. */
  public String topLevel() {
    return path.get(0);
  }

  @Override
  public String toString() {
    return String.join(".", path);
  }
}
