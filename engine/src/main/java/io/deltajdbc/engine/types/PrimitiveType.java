package io.deltajdbc.engine.types;

import java.util.Locale;
import java.util.Optional;

/** The protocol's primitive types, named as they appear in schema JSON. */
public enum PrimitiveType implements DataType {
  STRING("string"),
  LONG("long"),
  INTEGER("integer"),
  SHORT("short"),
  BYTE("byte"),
  FLOAT("float"),
  DOUBLE("double"),
  BOOLEAN("boolean"),
  BINARY("binary"),
  DATE("date"),
  /** Microsecond instant, adjusted to UTC. */
  TIMESTAMP("timestamp"),
  /** Microsecond local date-time, no time zone (reader feature {@code timestampNtz}). */
  TIMESTAMP_NTZ("timestamp_ntz"),
  /** Semi-structured value (reader feature {@code variantType}). */
  VARIANT("variant"),
  /** Spark's NullType ("void"): a column that only ever holds null. */
  VOID("void");

  private final String jsonName;

  PrimitiveType(String jsonName) {
    this.jsonName = jsonName;
  }

  @Override
  public String typeName() {
    return jsonName;
  }

  /** Looks up a primitive by its schema-JSON name; Spark also writes {@code null} for void. */
  public static Optional<PrimitiveType> fromJsonName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("null")) {
      return Optional.of(VOID);
    }
    for (PrimitiveType t : values()) {
      if (t.jsonName.equals(n)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** True for the integral types byte, short, integer and long. */
  public boolean isIntegral() {
    return this == BYTE || this == SHORT || this == INTEGER || this == LONG;
  }

  @Override
  public String toString() {
    return jsonName;
  }
}
