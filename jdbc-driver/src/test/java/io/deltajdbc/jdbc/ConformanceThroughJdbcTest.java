package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DAT conformance tables, copied into a warehouse (the driver follows no link out of one), give
 * through plain JDBC the rows the engine suite reads: the same count from the log, the same number
 * of rows and the same values of every column read with getString.
 */
class ConformanceThroughJdbcTest {
  @TempDir static Path warehouse;

  @TestFactory
  Stream<DynamicTest> everyDatTableReadsTheSameThroughJdbc() throws IOException, SQLException {
    Path dat = TestData.resolve("dat/out/reader_tests/generated");
    List<String> names = new ArrayList<>();
    try (Stream<Path> cases = Files.list(dat)) {
      for (Path c : cases.sorted().toList()) {
        if (Files.isDirectory(c.resolve("delta/_delta_log"))) {
          // Copied, not linked: the driver does not follow a link out of the warehouse.
          copyTree(c.resolve("delta"), warehouse.resolve(c.getFileName().toString()));
          names.add(c.getFileName().toString());
        }
      }
    }
    Connection conn = DriverManager.getConnection("jdbc:delta:" + warehouse);
    return names.stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      long engineRows = engineRowCount(warehouse.resolve(name));
                      try (Statement s = conn.createStatement()) {
                        try (ResultSet rs =
                            s.executeQuery("SELECT count(*) FROM \"" + name + "\"")) {
                          rs.next();
                          assertEquals(engineRows, rs.getLong(1), name + ": count(*)");
                        }
                        long rows = 0;
                        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + name + "\"")) {
                          int n = rs.getMetaData().getColumnCount();
                          while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                              rs.getString(i); // every value converts
                            }
                            rows++;
                          }
                        }
                        assertEquals(engineRows, rows, name + ": SELECT *");
                      }
                    }));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.copy(
            p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static long engineRowCount(Path table) {
    long n = 0;
    try (CloseableIterator<Row> it =
        DeltaTable.forPath(table.toString()).latestSnapshot().scanBuilder().build().rows()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }
}
