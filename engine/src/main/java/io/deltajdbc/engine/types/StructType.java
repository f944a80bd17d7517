package io.deltajdbc.engine.types;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A struct, and the table schema itself. Field names are matched case-insensitively, as Delta and
 * Spark SQL do; the protocol forbids two fields whose names differ only in case.
 *
 * <p>Immutable; a class rather than a record only to keep its name index.
 */
public final class StructType implements DataType {
  private final List<StructField> fields;
  private final Map<String, Integer> index;

  public StructType(List<StructField> fields) {
    this.fields = List.copyOf(requireNonNull(fields, "fields"));
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < this.fields.size(); i++) {
      idx.putIfAbsent(this.fields.get(i).name().toLowerCase(Locale.ROOT), i);
    }
    this.index = idx;
  }

  public static StructType of(StructField... fields) {
    return new StructType(List.of(fields));
  }

  public List<StructField> fields() {
    return fields;
  }

  @Override
  public String typeName() {
    return fields.stream()
        .map(f -> f.name() + ":" + f.type().typeName())
        .collect(Collectors.joining(",", "struct<", ">"));
  }

  public int size() {
    return fields.size();
  }

  public StructField field(int i) {
    return fields.get(i);
  }

  /** The position of the field with this name (case-insensitive), or -1. */
  public int indexOf(String name) {
    Integer i = index.get(name.toLowerCase(Locale.ROOT));
    return i == null ? -1 : i;
  }

  public Optional<StructField> get(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(fields.get(i));
  }

  public List<String> fieldNames() {
    List<String> names = new ArrayList<>(fields.size());
    for (StructField f : fields) {
      names.add(f.name());
    }
    return names;
  }

  /** The struct restricted to the named fields, in the order given. */
  public StructType select(List<String> names) {
    List<StructField> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(
          get(n)
              .orElseThrow(
                  () -> new IllegalArgumentException("no field " + n + " in " + typeName())));
    }
    return new StructType(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StructType other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return typeName();
  }
}
