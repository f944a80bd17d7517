package io.deltajdbc.tools.bench.data;

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
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;

/**
 * A TPC-H-like {@code lineitem}: the columns, domains and correlations of TPC-H's dbgen (orders of
 * 1 to 7 lines in order-key order, ship/commit/receipt dates derived from the order date, return
 * flag and line status from the 1995-06-17 cut-off, prices from the part key), from a seeded random
 * generator rather than dbgen's text pools. Rows arrive in order-key order, as dbgen writes them,
 * so files cover ranges of keys and a point query can skip by statistics.
 */
public final class Lineitem {
  public static final StructType SCHEMA =
      StructType.of(
          field("l_orderkey", PrimitiveType.LONG), field("l_partkey", PrimitiveType.LONG),
          field("l_suppkey", PrimitiveType.LONG), field("l_linenumber", PrimitiveType.INTEGER),
          field("l_quantity", new DecimalType(15, 2)),
              field("l_extendedprice", new DecimalType(15, 2)),
          field("l_discount", new DecimalType(15, 2)), field("l_tax", new DecimalType(15, 2)),
          field("l_returnflag", PrimitiveType.STRING), field("l_linestatus", PrimitiveType.STRING),
          field("l_shipdate", PrimitiveType.DATE), field("l_commitdate", PrimitiveType.DATE),
          field("l_receiptdate", PrimitiveType.DATE), field("l_shipinstruct", PrimitiveType.STRING),
          field("l_shipmode", PrimitiveType.STRING), field("l_comment", PrimitiveType.STRING));

  /** The partition column of the partitioned layout (7 values). */
  public static final String PARTITION_COLUMN = "l_shipmode";

  private static final long ROWS_PER_COMMIT = 1_000_000;
  private static final LocalDate START = LocalDate.of(1992, 1, 1);
  private static final int ORDER_DAYS =
      (int) (LocalDate.of(1998, 8, 2).toEpochDay() - START.toEpochDay());
  private static final LocalDate CURRENT = LocalDate.of(1995, 6, 17);
  private static final String[] INSTRUCT = {
    "DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"
  };
  private static final String[] MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  private static final String[] WORDS = {
    "furiously",
    "sly",
    "careful",
    "blithely",
    "quickly",
    "fluffily",
    "slyly",
    "regular",
    "final",
    "ironic",
    "pending",
    "bold",
    "express",
    "even",
    "special",
    "deposits",
    "packages",
    "requests",
    "accounts",
    "instructions",
    "theodolites",
    "foxes",
    "pinto",
    "beans",
    "ideas"
  };
  private static final BigDecimal[] HUNDREDTHS = new BigDecimal[10_001];

  static {
    for (int i = 0; i < HUNDREDTHS.length; i++) {
      HUNDREDTHS[i] = BigDecimal.valueOf(i, 2);
    }
  }

  private Lineitem() {}

  private static StructField field(String name, io.deltajdbc.engine.types.DataType type) {
    return new StructField(name, type, true);
  }

  /**
   * Writes {@code rows} rows from {@code seed} into a new table at {@code path}, a commit per
   * million rows.
   */
  public static void write(
      String path, Configuration conf, long rows, boolean partitioned, long seed) {
    DeltaTable table =
        DeltaTable.create(
            path,
            conf,
            partitioned ? TableSpec.of(SCHEMA, PARTITION_COLUMN) : TableSpec.of(SCHEMA));
    Iterator<Row> all = rows(rows, seed);
    for (long done = 0; done < rows; done += ROWS_PER_COMMIT) {
      long n = Math.min(ROWS_PER_COMMIT, rows - done);
      Transaction txn = table.startTransaction();
      txn.write(limit(all, n));
      txn.commit(Operation.append());
    }
  }

  /** The first {@code rows} rows of the data set of {@code seed}. */
  public static Iterator<Row> rows(long rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long parts = Math.max(200_000, rows / 30);
    long suppliers = Math.max(10_000, rows / 600);
    return new Iterator<>() {
      private final Deque<Row> order = new ArrayDeque<>();
      private long produced;
      private long orders;

      @Override
      public boolean hasNext() {
        return produced < rows;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (order.isEmpty()) {
          nextOrder();
        }
        produced++;
        return order.poll();
      }

      private void nextOrder() {
        long orderKey = orderKey(orders++);
        LocalDate orderDate = START.plusDays(random.nextInt(ORDER_DAYS));
        int lines = 1 + random.nextInt(7);
        for (int line = 1; line <= lines; line++) {
          long partKey = 1 + random.nextLong(parts);
          int quantity = 1 + random.nextInt(50);
          long retailCents = 90_000 + (partKey / 10) % 20_001 + 100 * (partKey % 1_000);
          LocalDate ship = orderDate.plusDays(1 + random.nextInt(121));
          LocalDate receipt = ship.plusDays(1 + random.nextInt(30));
          String flag = receipt.isAfter(CURRENT) ? "N" : random.nextBoolean() ? "R" : "A";
          order.add(
              Row.of(
                  orderKey,
                  partKey,
                  1 + random.nextLong(suppliers),
                  line,
                  HUNDREDTHS[quantity * 100],
                  BigDecimal.valueOf(retailCents * quantity, 2),
                  HUNDREDTHS[random.nextInt(11)],
                  HUNDREDTHS[random.nextInt(9)],
                  flag,
                  ship.isAfter(CURRENT) ? "O" : "F",
                  ship,
                  orderDate.plusDays(30 + random.nextInt(61)),
                  receipt,
                  INSTRUCT[random.nextInt(INSTRUCT.length)],
                  MODES[random.nextInt(MODES.length)],
                  comment(random)));
        }
      }
    };
  }

  /**
   * The key of the {@code i}-th order (from 0): dbgen uses 8 of every 32 keys. Orders have 4 lines
   * on average, so order {@code rows / 8} lies about a quarter of the way into a table of {@code
   * rows}.
   */
  public static long orderKey(long i) {
    return i / 8 * 32 + i % 8 + 1;
  }

  private static String comment(SplittableRandom random) {
    StringBuilder s = new StringBuilder();
    int target = 10 + random.nextInt(34);
    while (s.length() < target) {
      s.append(s.length() == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.substring(0, target);
  }

  private static Iterator<Row> limit(Iterator<Row> rows, long n) {
    return new Iterator<>() {
      private long left = n;

      @Override
      public boolean hasNext() {
        return left > 0 && rows.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        left--;
        return rows.next();
      }
    };
  }
}
