package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.data.VariantValue;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;

/**
 * Assembles a {@link VariantValue} from its unshredded group of {@code value} and {@code metadata}
 * binaries.
 */
final class VariantConverter extends GroupConverter {
  private final ValueSink parent;
  private final Converter[] children;
  private byte[] value;
  private byte[] metadata;

  VariantConverter(GroupType group, ReadContext ctx, String column, ValueSink parent) {
    this.parent = parent;
    this.children = new Converter[group.getFieldCount()];
    for (int i = 0; i < group.getFieldCount(); i++) {
      String name = group.getType(i).getName();
      if (name.equals("value")) {
        children[i] = new BytesConverter(true);
      } else if (name.equals("metadata")) {
        children[i] = new BytesConverter(false);
      } else {
        throw ctx.typeMismatch(
            column + "." + name,
            group.getType(i),
            "variant (shredded variants are not supported; only 'value' and 'metadata' are)");
      }
    }
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return children[fieldIndex];
  }

  @Override
  public void start() {
    value = null;
    metadata = null;
  }

  @Override
  public void end() {
    parent.set(value == null || metadata == null ? null : new VariantValue(metadata, value));
  }

  private final class BytesConverter extends PrimitiveConverter {
    private final boolean isValue;

    BytesConverter(boolean isValue) {
      this.isValue = isValue;
    }

    @Override
    public void addBinary(Binary b) {
      if (isValue) {
        value = b.getBytes();
      } else {
        metadata = b.getBytes();
      }
    }
  }
}
