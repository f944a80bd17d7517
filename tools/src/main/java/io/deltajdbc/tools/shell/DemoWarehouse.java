package io.deltajdbc.tools.shell;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A small warehouse written by our engine, to try the shell on: {@code orders} (partitioned by
 * region, five versions, so time travel has something to show), {@code customers}, and {@code
 * sales.daily_revenue} (partitioned by day). Created once; later runs reuse it.
 */
public final class DemoWarehouse {
  private static final String[] REGIONS = {"emea", "amer", "apac"};
  private static final Set<String> TABLES = Set.of("orders", "customers", "sales/daily_revenue");

  private DemoWarehouse() {}

  /** Creates the demo tables under {@code dir} unless they exist; returns {@code dir}. */
  public static Path ensure(Path dir) {
    if (TABLES.stream().allMatch(t -> Files.isDirectory(dir.resolve(t).resolve("_delta_log")))) {
      return dir;
    }
    Random rnd = new Random(42);
    StructType customers =
        StructType.of(
            new StructField("id", PrimitiveType.INTEGER, false),
            new StructField("name", PrimitiveType.STRING, true),
            new StructField("region", PrimitiveType.STRING, true),
            new StructField("since", PrimitiveType.DATE, true));
    List<Row> cs = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      cs.add(
          Row.of(i, "Customer " + i, REGIONS[i % 3], LocalDate.of(2020, 1, 1).plusDays(i * 17L)));
    }
    DeltaTable.create(
        dir.resolve("customers").toString(),
        DeltaTable.defaultConfiguration(),
        TableSpec.of(customers).withDescription("Demo customers"),
        cs.iterator());

    StructType orders =
        StructType.of(
            new StructField("order_id", PrimitiveType.LONG, false),
            new StructField("customer_id", PrimitiveType.INTEGER, true),
            new StructField("amount", new DecimalType(12, 2), true),
            new StructField("ordered_at", PrimitiveType.TIMESTAMP, true),
            new StructField("status", PrimitiveType.STRING, true),
            new StructField("region", PrimitiveType.STRING, true));
    DeltaTable o =
        DeltaTable.create(
            dir.resolve("orders").toString(),
            DeltaTable.defaultConfiguration(),
            TableSpec.of(orders, "region")
                .withDescription("Demo orders; one append per day, time-travel with orders@v2"));
    long id = 1;
    for (int day = 0; day < 5; day++) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int customer = 1 + rnd.nextInt(50);
        rows.add(
            Row.of(
                id++,
                customer,
                BigDecimal.valueOf(500 + rnd.nextInt(100_000), 2),
                Instant.parse("2024-03-01T08:00:00Z")
                    .plusSeconds(day * 86_400L + rnd.nextInt(36_000)),
                rnd.nextInt(10) == 0 ? "returned" : "shipped",
                REGIONS[customer % 3]));
      }
      Transaction t = o.startTransaction();
      t.write(rows.iterator());
      t.commit(Operation.append());
    }

    StructType revenue =
        StructType.of(
            new StructField("day", PrimitiveType.DATE, true),
            new StructField("region", PrimitiveType.STRING, true),
            new StructField("revenue", new DecimalType(14, 2), true));
    List<Row> rs = new ArrayList<>();
    for (int day = 0; day < 5; day++) {
      for (String r : REGIONS) {
        rs.add(
            Row.of(
                LocalDate.of(2024, 3, 1).plusDays(day),
                r,
                BigDecimal.valueOf(rnd.nextInt(5_000_000), 2)));
      }
    }
    DeltaTable.create(
        dir.resolve("sales/daily_revenue").toString(),
        DeltaTable.defaultConfiguration(),
        TableSpec.of(revenue, "day").withDescription("Demo revenue per day and region"),
        rs.iterator());
    return dir;
  }
}
