package io.deltajdbc.tools.bench.data;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;

/**
 * A warehouse of many small tables, as a BI tool's catalog browser sees it: table {@code i} has 3
 * to 22 columns of mixed types (one in every four tables partitioned) and ten rows in its first
 * commit.
 */
public final class WideCatalog {
  private static final DataType[] TYPES = {
    PrimitiveType.LONG,
    PrimitiveType.STRING,
    PrimitiveType.DOUBLE,
    PrimitiveType.DATE,
    new DecimalType(12, 2),
    PrimitiveType.BOOLEAN,
    PrimitiveType.INTEGER,
    PrimitiveType.TIMESTAMP
  };

  private WideCatalog() {}

  /** The name of table {@code i}. */
  public static String tableName(int i) {
    return String.format(Locale.ROOT, "t%04d", i);
  }

  /** Writes {@code tables} tables under {@code warehouse}; returns the number of columns in all. */
  public static long write(Path warehouse, Configuration conf, int tables, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long columns = 0;
    for (int i = 0; i < tables; i++) {
      int n = 3 + i % 20;
      List<StructField> fields = new ArrayList<>();
      fields.add(new StructField("id", PrimitiveType.LONG, false));
      fields.add(new StructField("region", PrimitiveType.STRING, true));
      for (int c = 2; c < n; c++) {
        fields.add(new StructField("c" + c, TYPES[(i + c) % TYPES.length], true));
      }
      StructType schema = StructType.of(fields.toArray(StructField[]::new));
      List<Row> rows = new ArrayList<>();
      for (int r = 0; r < 10; r++) {
        Object[] values = new Object[n];
        values[0] = (long) r;
        values[1] = "region-" + r % 3;
        for (int c = 2; c < n; c++) {
          values[c] = value(fields.get(c).type(), random);
        }
        rows.add(Row.wrap(values));
      }
      TableSpec spec = i % 4 == 0 ? TableSpec.of(schema, "region") : TableSpec.of(schema);
      DeltaTable.create(
          warehouse.resolve(tableName(i)).toString(),
          conf,
          spec.withDescription("Table " + i + " of the wide catalog"),
          rows.iterator());
      columns += n;
    }
    return columns;
  }

  private static Object value(DataType type, SplittableRandom random) {
    if (type instanceof DecimalType) {
      return BigDecimal.valueOf(random.nextLong(1_000_000_000L), 2);
    }
    return switch ((PrimitiveType) type) {
      case LONG -> random.nextLong();
      case STRING -> Long.toString(random.nextLong(), 36);
      case DOUBLE -> random.nextDouble();
      case DATE -> LocalDate.ofEpochDay(random.nextInt(20_000));
      case BOOLEAN -> random.nextBoolean();
      case INTEGER -> random.nextInt();
      case TIMESTAMP -> Instant.ofEpochSecond(random.nextLong(2_000_000_000L));
      default -> throw new IllegalArgumentException(type.toString());
    };
  }
}
