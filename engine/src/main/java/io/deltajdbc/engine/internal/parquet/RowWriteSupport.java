package io.deltajdbc.engine.internal.parquet;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.data.VariantValue;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;

/**
 * Writes engine rows (values as {@link Row} documents them) into the Parquet layout of {@link
 * ParquetWriteSchema}. The field names to emit are taken from the message type, so the same code
 * writes logical or physical (column-mapped) names.
 */
public final class RowWriteSupport extends WriteSupport<Row> {
  private final StructType schema;
  private final MessageType messageType;
  private final Map<String, String> extraMetadata;
  private RecordConsumer consumer;

  public RowWriteSupport(
      StructType schema, MessageType messageType, Map<String, String> extraMetadata) {
    this.schema = requireNonNull(schema, "schema");
    this.messageType = requireNonNull(messageType, "messageType");
    this.extraMetadata = new HashMap<>(requireNonNull(extraMetadata, "extraMetadata"));
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(messageType, extraMetadata);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Row row) {
    consumer.startMessage();
    writeFields(row, schema, messageType);
    consumer.endMessage();
  }

  private void writeFields(Row row, StructType type, GroupType group) {
    for (int i = 0; i < type.size(); i++) {
      Object v = row.get(i);
      if (v != null) {
        String name = group.getFieldName(i);
        consumer.startField(name, i);
        writeValue(
            v,
            type.field(i).type(),
            group.getType(i).isPrimitive() ? null : group.getType(i).asGroupType());
        consumer.endField(name, i);
      }
    }
  }

  private void writeValue(Object v, DataType type, GroupType group) {
    if (type instanceof StructType s) {
      consumer.startGroup();
      writeFields((Row) v, s, group);
      consumer.endGroup();
    } else if (type instanceof ArrayType a) {
      writeList((List<?>) v, a, group);
    } else if (type instanceof MapType m) {
      writeMap((Map<?, ?>) v, m, group);
    } else if (type instanceof DecimalType d) {
      writeDecimal((BigDecimal) v, d);
    } else {
      writePrimitive(v, (PrimitiveType) type, group);
    }
  }

  private void writeList(List<?> list, ArrayType type, GroupType listGroup) {
    consumer.startGroup();
    if (!list.isEmpty()) {
      GroupType repeated = listGroup.getType(0).asGroupType();
      consumer.startField(repeated.getName(), 0);
      GroupType elementGroup =
          repeated.getType(0).isPrimitive() ? null : repeated.getType(0).asGroupType();
      for (Object e : list) {
        consumer.startGroup();
        if (e != null) {
          consumer.startField(repeated.getFieldName(0), 0);
          writeValue(e, type.elementType(), elementGroup);
          consumer.endField(repeated.getFieldName(0), 0);
        }
        consumer.endGroup();
      }
      consumer.endField(repeated.getName(), 0);
    }
    consumer.endGroup();
  }

  private void writeMap(Map<?, ?> map, MapType type, GroupType mapGroup) {
    consumer.startGroup();
    if (!map.isEmpty()) {
      GroupType kv = mapGroup.getType(0).asGroupType();
      GroupType keyGroup = kv.getType(0).isPrimitive() ? null : kv.getType(0).asGroupType();
      GroupType valueGroup = kv.getType(1).isPrimitive() ? null : kv.getType(1).asGroupType();
      consumer.startField(kv.getName(), 0);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        consumer.startGroup();
        consumer.startField(kv.getFieldName(0), 0);
        writeValue(e.getKey(), type.keyType(), keyGroup);
        consumer.endField(kv.getFieldName(0), 0);
        if (e.getValue() != null) {
          consumer.startField(kv.getFieldName(1), 1);
          writeValue(e.getValue(), type.valueType(), valueGroup);
          consumer.endField(kv.getFieldName(1), 1);
        }
        consumer.endGroup();
      }
      consumer.endField(kv.getName(), 0);
    }
    consumer.endGroup();
  }

  private void writeDecimal(BigDecimal v, DecimalType d) {
    BigDecimal scaled = v.setScale(d.scale(), RoundingMode.UNNECESSARY);
    if (d.precision() <= 9) {
      consumer.addInteger(scaled.unscaledValue().intValueExact());
    } else if (d.precision() <= 18) {
      consumer.addLong(scaled.unscaledValue().longValueExact());
    } else {
      byte[] unscaled = scaled.unscaledValue().toByteArray();
      byte[] fixed = new byte[ParquetWriteSchema.decimalBytes(d.precision())];
      byte pad = (byte) (unscaled[0] < 0 ? -1 : 0);
      int offset = fixed.length - unscaled.length;
      for (int i = 0; i < fixed.length; i++) {
        fixed[i] = i < offset ? pad : unscaled[i - offset];
      }
      consumer.addBinary(Binary.fromConstantByteArray(fixed));
    }
  }

  private void writePrimitive(Object v, PrimitiveType type, GroupType group) {
    switch (type) {
      case STRING -> consumer.addBinary(Binary.fromString((String) v));
      case LONG -> consumer.addLong(((Number) v).longValue());
      case INTEGER, SHORT, BYTE -> consumer.addInteger(((Number) v).intValue());
      case FLOAT -> consumer.addFloat(((Number) v).floatValue());
      case DOUBLE -> consumer.addDouble(((Number) v).doubleValue());
      case BOOLEAN -> consumer.addBoolean((Boolean) v);
      case BINARY -> consumer.addBinary(Binary.fromConstantByteArray((byte[]) v));
      case DATE -> consumer.addInteger((int) ((LocalDate) v).toEpochDay());
      case TIMESTAMP -> consumer.addLong(micros((Instant) v));
      case TIMESTAMP_NTZ -> consumer.addLong(micros(((LocalDateTime) v).toInstant(ZoneOffset.UTC)));
      case VARIANT -> {
        VariantValue variant = (VariantValue) v;
        consumer.startGroup();
        consumer.startField(group.getFieldName(0), 0);
        consumer.addBinary(Binary.fromConstantByteArray(variant.value()));
        consumer.endField(group.getFieldName(0), 0);
        consumer.startField(group.getFieldName(1), 1);
        consumer.addBinary(Binary.fromConstantByteArray(variant.metadata()));
        consumer.endField(group.getFieldName(1), 1);
        consumer.endGroup();
      }
      case VOID -> {} // never reached: void values are always null
    }
  }

  static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }
}
