package io.deltajdbc.engine.testing;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random schemas, partitionings and rows for the interop tests; a seed reproduces a case. */
public final class RandomTables {
  private static final List<DataType> PARTITION_TYPES =
      List.of(
          PrimitiveType.STRING,
          PrimitiveType.INTEGER,
          PrimitiveType.DATE,
          PrimitiveType.BOOLEAN,
          PrimitiveType.LONG);
  private static final List<DataType> DATA_TYPES =
      List.of(
          PrimitiveType.LONG,
          PrimitiveType.INTEGER,
          PrimitiveType.STRING,
          PrimitiveType.DOUBLE,
          new DecimalType(10, 2),
          new DecimalType(30, 5),
          PrimitiveType.DATE,
          PrimitiveType.TIMESTAMP,
          PrimitiveType.BOOLEAN,
          PrimitiveType.BINARY,
          PrimitiveType.SHORT,
          PrimitiveType.FLOAT,
          new ArrayType(PrimitiveType.INTEGER, true),
          new MapType(PrimitiveType.STRING, PrimitiveType.LONG, true),
          StructType.of(
              new StructField("a", PrimitiveType.INTEGER, true),
              new StructField("b", PrimitiveType.STRING, true)));
  private static final String[] WORDS = {
    "alpha", "beta", "gamma", "a b", "x/y", "é ü", "with=eq", "percent%", "", "z"
  };

  private final Random random;

  public RandomTables(long seed) {
    this.random = new Random(seed);
  }

  public Random random() {
    return random;
  }

  /**
   * A schema: an id column, 2..6 data columns, and {@code partitions} partition columns at the end.
   */
  public StructType schema(int partitions) {
    List<StructField> fields = new ArrayList<>();
    fields.add(new StructField("id", PrimitiveType.LONG, false));
    List<DataType> data = new ArrayList<>(DATA_TYPES);
    Collections.shuffle(data, random);
    int n = 2 + random.nextInt(5);
    for (int i = 0; i < n; i++) {
      fields.add(new StructField("c" + i, data.get(i), true));
    }
    for (int i = 0; i < partitions; i++) {
      fields.add(
          new StructField(
              "p" + i, PARTITION_TYPES.get(random.nextInt(PARTITION_TYPES.size())), true));
    }
    return new StructType(fields);
  }

  /** {@code n} rows with ids from {@code firstId}; partition columns take few distinct values. */
  public List<Row> rows(StructType schema, long firstId, int n) {
    List<Row> out = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      Object[] v = new Object[schema.size()];
      v[0] = firstId + r;
      for (int i = 1; i < v.length; i++) {
        StructField f = schema.field(i);
        boolean partition = f.name().startsWith("p");
        v[i] = random.nextInt(10) == 0 ? null : value(f.type(), partition);
      }
      out.add(Row.wrap(v));
    }
    return out;
  }

  private Object value(DataType t, boolean partition) {
    if (t instanceof DecimalType d) {
      return BigDecimal.valueOf(random.nextLong() % 100_000_000L, d.scale());
    }
    if (t instanceof ArrayType) {
      List<Object> l = new ArrayList<>();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        l.add(random.nextInt(5) == 0 ? null : random.nextInt(100));
      }
      return l;
    }
    if (t instanceof MapType) {
      Map<Object, Object> m = new LinkedHashMap<>();
      int n = random.nextInt(3);
      for (int i = 0; i < n; i++) {
        m.put("k" + random.nextInt(10), random.nextBoolean() ? null : random.nextLong());
      }
      return m;
    }
    if (t instanceof StructType) {
      return Row.of(
          random.nextInt(1000), random.nextBoolean() ? null : WORDS[random.nextInt(WORDS.length)]);
    }
    int small = partition ? 3 : Integer.MAX_VALUE;
    return switch ((PrimitiveType) t) {
      case LONG -> partition ? (long) random.nextInt(small) : random.nextLong();
      case INTEGER -> partition ? random.nextInt(small) : random.nextInt();
      case SHORT -> (short) random.nextInt(Short.MAX_VALUE);
      case FLOAT -> random.nextFloat() * 100;
      case DOUBLE -> random.nextGaussian() * 1e6;
      case BOOLEAN -> random.nextBoolean();
      case STRING ->
          WORDS[random.nextInt(partition ? 5 : WORDS.length)]
              + (partition ? "" : random.nextInt(100));
      case BINARY -> new byte[] {(byte) random.nextInt(), (byte) random.nextInt()};
      case DATE -> LocalDate.of(2020, 1, 1).plusDays(random.nextInt(partition ? 3 : 2000));
      case TIMESTAMP ->
          Instant.ofEpochSecond(
              1_600_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000) * 1000L);
      default -> throw new IllegalArgumentException(t.toString());
    };
  }
}
