package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.CountingFileSystem;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COUNT(*), COUNT(column), MIN and MAX of integer, date and decimal columns come from the log's
 * statistics where they are exact, without opening a data file, and equal what reading the files
 * gives (the same queries with the columnar path off, which reads every row); strings, which
 * statistics truncate, are read. With a filter, even on partition columns only, the rows are read
 * (the filter is evaluated on them).
 */
class LogStatisticsAnswersTest {
  static final StructType SCHEMA =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, false),
          new StructField("n", PrimitiveType.INTEGER, true),
          new StructField("d", PrimitiveType.DATE, true),
          new StructField("amount", new DecimalType(12, 3), true),
          new StructField("s", PrimitiveType.STRING, true),
          new StructField("region", PrimitiveType.STRING, true));
  static final String AGGREGATES =
      "SELECT count(*), count(n), min(n), max(n), min(d), max(d), min(amount), "
          + "max(amount), min(id), max(id) FROM t";
  @TempDir static Path dir;

  @BeforeAll
  static void table() {
    DeltaTable t =
        DeltaTable.create(
            dir.resolve("t").toString(),
            DeltaTable.defaultConfiguration(),
            TableSpec.of(SCHEMA, "region"));
    for (int commit = 0; commit < 3; commit++) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        long id = commit * 300L + i;
        boolean nulls = commit == 1; // one commit's n, d and amount are all NULL in some files
        rows.add(
            Row.of(
                id,
                nulls && i % 2 == 0 ? null : (int) (id * 7919 % 1000) - 500,
                nulls ? null : LocalDate.of(2020, 1, 1).plusDays(id * 37 % 2000),
                nulls && i % 3 == 0
                    ? null
                    : BigDecimal.valueOf(id * 104729 % 1_000_000 - 500_000, 3),
                "s" + id,
                new String[] {"north", "south", "east"}[i % 3]));
      }
      Transaction txn = t.startTransaction();
      txn.write(rows.iterator());
      txn.commit(Operation.append());
    }
  }

  @Test
  void aggregatesFromStatisticsOpenNoDataFileAndEqualAScan() throws SQLException {
    String counted =
        "jdbc:delta:"
            + CountingFileSystem.uri(dir)
            + ";fs.counting.impl="
            + CountingFileSystem.class.getName()
            + ";fs.counting.impl.disable.cache=true";
    List<String> fromLog;
    try (Connection c = DriverManager.getConnection(counted)) {
      CountingFileSystem.reset();
      fromLog = row(c, AGGREGATES);
      assertEquals(0, dataFilesOpened(), CountingFileSystem.operations().toString());
      row(c, "SELECT min(s), max(s) FROM t");
      assertEquals(9, dataFilesOpened(), "strings are read: their statistics may be truncated");
    }
    try (Connection rows =
        DriverManager.getConnection("jdbc:delta:" + dir + ";deltajdbc.scan.columnar=false")) {
      assertEquals(row(rows, AGGREGATES), fromLog);
      try (Connection c = DriverManager.getConnection("jdbc:delta:" + dir)) {
        assertEquals(
            row(rows, AGGREGATES + " WHERE region = 'south'"),
            row(c, AGGREGATES + " WHERE region = 'south'"));
        // a filter on a data column is evaluated on the rows: the same answer
        String filtered = AGGREGATES + " WHERE n > 0";
        assertEquals(row(rows, filtered), row(c, filtered));
      }
    }
    assertEquals(List.of("900", "750", "-500", "499"), fromLog.subList(0, 4));
  }

  private static long dataFilesOpened() {
    long n =
        CountingFileSystem.operations().stream()
            .filter(o -> o.startsWith("open ") && o.endsWith(".parquet"))
            .count();
    CountingFileSystem.reset();
    return n;
  }

  private static List<String> row(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        out.add(rs.getString(i));
      }
      return out;
    }
  }
}
