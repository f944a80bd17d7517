package io.deltajdbc.engine.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan's predicate reaches the Parquet reader (row groups, column-index pages, records): a
 * filtered scan returns exactly the rows of a full scan that satisfy the predicate, for every kind
 * of leaf the filter states and those it leaves to the scan; and the reader itself hands over only
 * the matching records of a file, not every row.
 */
class ParquetFilterScanTest {
  private static final StructType SCHEMA =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, false),
          new StructField("qty", PrimitiveType.INTEGER, true),
          new StructField("price", new DecimalType(15, 2), true),
          new StructField("small", new DecimalType(7, 3), true),
          new StructField("day", PrimitiveType.DATE, true),
          new StructField("mode", PrimitiveType.STRING, true),
          new StructField("ok", PrimitiveType.BOOLEAN, true),
          new StructField("score", PrimitiveType.DOUBLE, true));
  private static final int ROWS = 120_000;
  private static final String[] MODES = {"AIR", "RAIL", "SHIP", "TRUCK"};

  @TempDir static Path dir;
  private static DeltaTable table;
  private static List<Row> all;

  @BeforeAll
  static void writeTable() {
    table =
        DeltaTable.create(
            dir.resolve("t").toString(),
            DeltaTable.defaultConfiguration(),
            TableSpec.of(SCHEMA),
            rows());
    all = scan(table.latestSnapshot(), null);
    assertEquals(ROWS, all.size());
  }

  private static Iterator<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (long i = 0; i < ROWS; i++) {
      out.add(
          Row.of(
              i,
              i % 7 == 0 ? null : (int) (i % 50),
              BigDecimal.valueOf(i * 37 % 100_000, 2),
              BigDecimal.valueOf(i % 5000, 3),
              LocalDate.of(1995, 1, 1).plusDays(i / 100),
              i % 11 == 0 ? null : MODES[(int) (i % 4)],
              i % 3 == 0,
              i * 0.5));
    }
    return out.iterator();
  }

  @Test
  void filteredScansReturnExactlyTheMatchingRows() {
    Column id = Column.of("id");
    Column qty = Column.of("qty");
    Column price = Column.of("price");
    Column day = Column.of("day");
    Column mode = Column.of("mode");
    check(Predicates.eq(id, Literal.of(54_321L)), r -> (long) r.get(0) == 54_321L);
    check(Predicates.eq(Literal.of(54_321L), id), r -> (long) r.get(0) == 54_321L);
    check(
        Predicates.and(
            Predicates.ge(id, Literal.of(1_000L)), Predicates.lt(id, Literal.of(1_250L))),
        r -> (long) r.get(0) >= 1_000 && (long) r.get(0) < 1_250);
    check(Predicates.le(qty, Literal.of(3)), r -> r.get(1) != null && (int) r.get(1) <= 3);
    check(Predicates.isNull(qty), r -> r.get(1) == null);
    check(Predicates.isNotNull(mode), r -> r.get(5) != null);
    check(
        Predicates.in(id, List.of(Literal.of(5L), Literal.of(77_777L), Literal.of(null))),
        r -> (long) r.get(0) == 5 || (long) r.get(0) == 77_777);
    check(
        Predicates.gt(price, Literal.of(new BigDecimal("999.50"))),
        r -> ((BigDecimal) r.get(2)).compareTo(new BigDecimal("999.50")) > 0);
    // more decimals than the column has: not stated to Parquet, still filtered by the scan
    check(
        Predicates.lt(price, Literal.of(new BigDecimal("0.125"))),
        r -> ((BigDecimal) r.get(2)).compareTo(new BigDecimal("0.125")) < 0);
    check(
        Predicates.eq(Column.of("small"), Literal.of(new BigDecimal("4.999"))),
        r -> ((BigDecimal) r.get(3)).compareTo(new BigDecimal("4.999")) == 0);
    check(
        Predicates.and(
            Predicates.ge(day, Literal.of(LocalDate.of(1996, 1, 1))),
            Predicates.lt(day, Literal.of(LocalDate.of(1996, 1, 3)))),
        r ->
            !((LocalDate) r.get(4)).isBefore(LocalDate.of(1996, 1, 1))
                && ((LocalDate) r.get(4)).isBefore(LocalDate.of(1996, 1, 3)));
    check(Predicates.eq(mode, Literal.of("SHIP")), r -> "SHIP".equals(r.get(5)));
    check(
        Predicates.gt(mode, Literal.of("RAIL")),
        r -> r.get(5) != null && ((String) r.get(5)).compareTo("RAIL") > 0);
    check(Predicates.eq(Column.of("ok"), Literal.of(true)), r -> Boolean.TRUE.equals(r.get(6)));
    check(
        Predicates.or(
            Predicates.eq(id, Literal.of(3L)),
            Predicates.gt(Column.of("score"), Literal.of(59_990.0))),
        r -> (long) r.get(0) == 3 || (double) r.get(7) > 59_990.0);
    check(
        Predicates.not(Predicates.eq(qty, Literal.of(4))),
        r -> r.get(1) != null && (int) r.get(1) != 4);
    check(Predicates.ne(id, Literal.of(10L)), r -> (long) r.get(0) != 10);
    // literals as SQL gives them: decimals, exact or not
    check(Predicates.eq(id, Literal.of(new BigDecimal("54321"))), r -> (long) r.get(0) == 54_321L);
    check(
        Predicates.lt(qty, Literal.of(new BigDecimal("2.5"))),
        r -> r.get(1) != null && (int) r.get(1) <= 2);
  }

  @Test
  void theReaderHandsOverOnlyMatchingRecords() {
    Snapshot s = table.latestSnapshot();
    AddFile file = s.files().iterator().next();
    TableFileReader reader =
        TableFileReader.allColumns(
            DeltaTable.defaultConfiguration(), table.root(), table.path(), s.metadata());
    Predicate p =
        Predicates.and(
            Predicates.ge(Column.of("id"), Literal.of(70_000L)),
            Predicates.lt(Column.of("id"), Literal.of(70_010L)));
    assertNotNull(reader.parquetFilter(p));
    assertEquals(10, count(reader, file, reader.parquetFilter(p)));
    assertEquals(ROWS, count(reader, file, null));
    assertNull(
        reader.parquetFilter(Predicates.gt(Column.of("score"), Literal.of(1.0))),
        "doubles are not stated");
    assertEquals(
        1,
        count(
            reader,
            file,
            reader.parquetFilter(
                Predicates.eq(Column.of("id"), Literal.of(new BigDecimal("77777"))))),
        "a decimal literal of an integer column is stated");
  }

  private static int count(TableFileReader reader, AddFile file, FilterPredicate f) {
    int n = 0;
    try (FileRowIterator rows = reader.open(file, reader.partitionValues(file), f)) {
      while (rows.hasNext()) {
        rows.next();
        n++;
      }
    }
    return n;
  }

  private static void check(Predicate p, java.util.function.Predicate<Row> expected) {
    List<Row> want = all.stream().filter(expected).toList();
    List<Row> got = scan(table.latestSnapshot(), p);
    assertEquals(want.size(), got.size(), p.toString());
    assertEquals(want, got, p.toString());
    assertTrue(want.size() < ROWS, "a predicate that filters: " + p);
  }

  private static List<Row> scan(Snapshot s, Predicate p) {
    List<Row> out = new ArrayList<>();
    var b = s.scanBuilder();
    if (p != null) {
      b = b.withFilter(p);
    }
    try (CloseableIterator<Row> it = b.build().rows()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }
}
