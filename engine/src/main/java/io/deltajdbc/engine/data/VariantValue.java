package io.deltajdbc.engine.data;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A Variant value in its binary encoding (protocol: "Variant Data Type"; Parquet's variant spec):
 * the metadata dictionary and the value bytes.
 */
public record VariantValue(byte[] metadata, byte[] value) {
  public VariantValue {
    requireNonNull(metadata, "metadata");
    requireNonNull(value, "value");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VariantValue v
        && Arrays.equals(metadata, v.metadata)
        && Arrays.equals(value, v.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(metadata) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "VariantValue[" + metadata.length + "+" + value.length + " bytes]";
  }
}
