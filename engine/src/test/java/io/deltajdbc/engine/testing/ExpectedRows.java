package io.deltajdbc.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads expected answers (Parquet files Spark wrote) through parquet-mr's example Group API, a path
 * independent of the engine's own Parquet reader, into plain Java values by column name: the same
 * value classes as the engine's Row, with structs as name-to-value maps.
 */
public final class ExpectedRows {
  private ExpectedRows() {}

  /** Every row of every {@code *.parquet} file in {@code dir}, as column-name-to-value maps. */
  public static List<Map<String, Object>> readDirectory(Path dir) {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
        rows.addAll(readFile(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  public static List<Map<String, Object>> readFile(Path file) {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ParquetReader<Group> reader =
        ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
            .withConf(new Configuration())
            .build()) {
      Group g;
      while ((g = reader.read()) != null) {
        rows.add(struct(g, g.getType()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static Map<String, Object> struct(Group g, GroupType type) {
    Map<String, Object> out = new Normalized.StructMap();
    for (int i = 0; i < type.getFieldCount(); i++) {
      Type f = type.getType(i);
      out.put(f.getName(), g.getFieldRepetitionCount(i) == 0 ? null : value(g, i, 0, f));
    }
    return out;
  }

  private static Object value(Group g, int field, int index, Type t) {
    if (t.isPrimitive()) {
      return primitive(g, field, index, t.asPrimitiveType());
    }
    Group child = g.getGroup(field, index);
    GroupType gt = t.asGroupType();
    LogicalTypeAnnotation a = gt.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return list(child, gt);
    }
    if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      return map(child, gt);
    }
    return struct(child, gt);
  }

  private static List<Object> list(Group g, GroupType listType) {
    List<Object> out = new ArrayList<>();
    Type repeated = listType.getType(0);
    int n = g.getFieldRepetitionCount(0);
    for (int i = 0; i < n; i++) {
      boolean elementIsRepeated =
          repeated.isPrimitive()
              || repeated.asGroupType().getFieldCount() > 1
              || repeated.getName().equals("array")
              || repeated.getName().endsWith("_tuple");
      if (elementIsRepeated) {
        out.add(value(g, 0, i, repeated));
      } else {
        Group wrapper = g.getGroup(0, i);
        Type element = repeated.asGroupType().getType(0);
        out.add(wrapper.getFieldRepetitionCount(0) == 0 ? null : value(wrapper, 0, 0, element));
      }
    }
    return out;
  }

  private static Map<Object, Object> map(Group g, GroupType mapType) {
    Map<Object, Object> out = new LinkedHashMap<>();
    GroupType kv = mapType.getType(0).asGroupType();
    int n = g.getFieldRepetitionCount(0);
    for (int i = 0; i < n; i++) {
      Group entry = g.getGroup(0, i);
      Object key = value(entry, 0, 0, kv.getType(0));
      Object val =
          kv.getFieldCount() < 2 || entry.getFieldRepetitionCount(1) == 0
              ? null
              : value(entry, 1, 0, kv.getType(1));
      out.put(key, val);
    }
    return out;
  }

  private static Object primitive(Group g, int field, int index, PrimitiveType t) {
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    switch (t.getPrimitiveTypeName()) {
      case BOOLEAN:
        return g.getBoolean(field, index);
      case INT32:
        {
          int v = g.getInteger(field, index);
          if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return LocalDate.ofEpochDay(v);
          }
          if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            return BigDecimal.valueOf(v, d.getScale());
          }
          if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
              && i.getBitWidth() == 8) {
            return (byte) v;
          }
          if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
              && i.getBitWidth() == 16) {
            return (short) v;
          }
          return v;
        }
      case INT64:
        {
          long v = g.getLong(field, index);
          if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            return BigDecimal.valueOf(v, d.getScale());
          }
          if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
            long micros =
                switch (ts.getUnit()) {
                  case MILLIS -> v * 1000;
                  case MICROS -> v;
                  case NANOS -> Math.floorDiv(v, 1000);
                };
            Instant instant =
                Instant.ofEpochSecond(
                    Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
            return ts.isAdjustedToUTC()
                ? instant
                : java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
          }
          return v;
        }
      case INT96:
        {
          ByteBuffer buf =
              ByteBuffer.wrap(g.getInt96(field, index).getBytes()).order(ByteOrder.LITTLE_ENDIAN);
          long nanosOfDay = buf.getLong();
          int julianDay = buf.getInt();
          long seconds = (julianDay - 2440588L) * 86400L;
          return Instant.ofEpochSecond(seconds, 0).plusNanos(nanosOfDay);
        }
      case FLOAT:
        return g.getFloat(field, index);
      case DOUBLE:
        return g.getDouble(field, index);
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        {
          Binary b = g.getBinary(field, index);
          if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            return new BigDecimal(new BigInteger(b.getBytes()), d.getScale());
          }
          if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
              || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
              || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
            return b.toStringUsingUTF8();
          }
          return b.getBytes();
        }
      default:
        throw new IllegalStateException("unexpected type " + t);
    }
  }
}
