package io.deltajdbc.jdbc;

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
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small warehouse written by our engine for the driver tests: {@code orders} (partitioned by
 * {@code region}, 4 versions of 25 rows each), {@code customers}, and {@code sales.refunds} in a
 * folder.
 */
final class Warehouse {
  static final StructType ORDERS =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, false),
          new StructField("customer", PrimitiveType.INTEGER, true),
          new StructField("amount", new DecimalType(10, 2), true),
          new StructField("day", PrimitiveType.DATE, true),
          new StructField("ts", PrimitiveType.TIMESTAMP, true),
          new StructField("region", PrimitiveType.STRING, true));
  static final StructType CUSTOMERS =
      StructType.of(
          new StructField("id", PrimitiveType.INTEGER, false),
          new StructField("Name", PrimitiveType.STRING, true));
  static final String[] REGIONS = {"north", "south", "east", "west", "central"};

  private Warehouse() {}

  static Path create(Path dir) {
    DeltaTable orders =
        DeltaTable.create(
            dir.resolve("orders").toString(),
            DeltaTable.defaultConfiguration(),
            TableSpec.of(ORDERS, "region").withDescription("Orders by region"));
    for (int v = 0; v < 4; v++) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        long id = v * 25L + i;
        rows.add(
            Row.of(
                id,
                (int) (id % 10),
                BigDecimal.valueOf(id * 150, 2),
                LocalDate.of(2024, 1, 1).plusDays(id),
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id * 3600),
                REGIONS[(int) (id % 5)]));
      }
      Transaction t = orders.startTransaction();
      t.write(rows.iterator());
      t.commit(Operation.append());
    }
    DeltaTable customers =
        DeltaTable.create(
            dir.resolve("customers").toString(),
            DeltaTable.defaultConfiguration(),
            TableSpec.of(CUSTOMERS));
    List<Row> cs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      cs.add(Row.of(i, "customer " + i));
    }
    Transaction t = customers.startTransaction();
    t.write(cs.iterator());
    t.commit(Operation.append());
    DeltaTable refunds =
        DeltaTable.create(
            dir.resolve("sales/refunds").toString(),
            DeltaTable.defaultConfiguration(),
            TableSpec.of(CUSTOMERS));
    Transaction r = refunds.startTransaction();
    r.write(cs.subList(0, 3).iterator());
    r.commit(Operation.append());
    return dir;
  }

  /**
   * Copies table directory {@code from} of {@code dir} to {@code to}, keeping the files' times (a
   * second engine then sees the same table, VACUUM's retention included).
   */
  static void copyTable(Path dir, String from, String to) throws java.io.IOException {
    Path src = dir.resolve(from);
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(src)) {
      for (Path p : files.toList()) {
        Path target = dir.resolve(to).resolve(src.relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** The operations of a table's history as delta-spark reads it, newest first. */
  static java.util.List<String> operations(Path table) {
    return io.deltajdbc.engine.testing.SparkOracle.spark()
        .sql("DESCRIBE HISTORY delta.`" + table + "`")
        .select("operation")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }
}
