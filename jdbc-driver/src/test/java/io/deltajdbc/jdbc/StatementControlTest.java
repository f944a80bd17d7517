package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.CountingFileSystem;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * setMaxRows, cancel and query timeout stop a scan; a selective query opens only the files it
 * needs.
 */
class StatementControlTest {
  @TempDir static Path dir;

  @BeforeAll
  static void bigTable() {
    StructType schema =
        StructType.of(
            new StructField("id", PrimitiveType.LONG, false),
            new StructField("part", PrimitiveType.INTEGER, true));
    DeltaTable t =
        DeltaTable.create(
            dir.resolve("big").toString(),
            DeltaTable.defaultConfiguration(),
            TableSpec.of(schema, "part"));
    for (int c = 0; c < 4; c++) {
      List<Row> rows = new ArrayList<>();
      for (long i = 0; i < 50_000; i++) {
        long id = c * 50_000L + i;
        rows.add(Row.of(id, (int) (id % 10)));
      }
      Transaction txn = t.startTransaction();
      txn.write(rows.iterator());
      txn.commit(Operation.append());
    }
  }

  @Test
  void maxRowsCancelAndTimeout() throws Exception {
    try (Connection conn = DriverManager.getConnection("jdbc:delta:" + dir);
        Statement s = conn.createStatement()) {
      s.setMaxRows(10);
      int n = 0;
      try (ResultSet rs = s.executeQuery("SELECT * FROM big")) {
        while (rs.next()) {
          n++;
        }
      }
      assertEquals(10, n);
      s.setMaxRows(0);

      ResultSet rs = s.executeQuery("SELECT a.id FROM big a, big b");
      rs.next();
      s.cancel();
      SQLException canceled =
          assertThrows(
              SQLException.class,
              () -> {
                while (rs.next()) {
                  // the cancel flag stops the scan within a thousand rows
                }
              });
      assertTrue(canceled.getMessage().toLowerCase().contains("cancel"), canceled.getMessage());
    }
    try (Connection conn = DriverManager.getConnection("jdbc:delta:" + dir);
        Statement s = conn.createStatement()) {
      s.setQueryTimeout(1);
      SQLException timeout =
          assertThrows(
              SQLException.class,
              () -> {
                try (ResultSet rs =
                    s.executeQuery("SELECT count(*) FROM big a, big b WHERE a.id + b.id < 0")) {
                  rs.next();
                }
              });
      assertTrue(
          timeout.getMessage().toLowerCase().contains("timeout")
              || timeout.getMessage().toLowerCase().contains("cancel"),
          timeout.getMessage());
    }
  }

  @Test
  void aSelectiveQueryOpensOnlyTheFilesItNeeds() throws SQLException {
    String url =
        "jdbc:delta:"
            + CountingFileSystem.uri(dir)
            + ";fs.counting.impl="
            + CountingFileSystem.class.getName()
            + ";fs.counting.impl.disable.cache=true";
    try (Connection conn = DriverManager.getConnection(url);
        Statement s = conn.createStatement()) {
      CountingFileSystem.reset();
      try (ResultSet rs = s.executeQuery("SELECT id FROM big WHERE part = 3 AND id = 123453")) {
        assertTrue(rs.next());
        assertEquals(123453L, rs.getLong(1));
      }
      long opened =
          CountingFileSystem.operations().stream()
              .filter(o -> o.startsWith("open part-") && o.endsWith(".parquet"))
              .count();
      assertEquals(
          1,
          opened,
          "40 files: 36 pruned by partition, 3 skipped by statistics: "
              + CountingFileSystem.operations());
    }
  }
}
