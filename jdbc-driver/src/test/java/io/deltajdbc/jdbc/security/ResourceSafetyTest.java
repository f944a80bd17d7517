package io.deltajdbc.jdbc.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, section 5: a statement cannot take the JVM down or run on after it was stopped. Top-N
 * keeps only the rows it returns; a sort larger than memory fails with 53200; wide tables insert
 * and read; cancel and query timeout stop a long scan at once with 57014; the files of an
 * interrupted write are ordinary data files that no commit names.
 */
class ResourceSafetyTest {
  /** Rows of {@code big}: enough that a full scan takes a while, written in seconds. */
  static final long ROWS = 2_000_000;

  @TempDir static Path warehouse;

  @BeforeAll
  static void bigTable() {
    StructType schema =
        StructType.of(
            new StructField("id", PrimitiveType.LONG, false),
            new StructField("v", PrimitiveType.INTEGER, false));
    // files of 4 MB: several splits, read in parallel and handed to the client through queues
    var conf = DeltaTable.defaultConfiguration();
    conf.set("deltajdbc.write.targetFileSize", "4m");
    DeltaTable t =
        DeltaTable.create(warehouse.resolve("big").toString(), conf, TableSpec.of(schema));
    Transaction txn = t.startTransaction();
    txn.write(bigRows());
    txn.commit(Operation.append());
  }

  /**
   * id 0, 1, ...; v even and scattered (no dictionary, no statistics skipping), so {@code v = 7}
   * matches nothing.
   */
  static Iterator<Row> bigRows() {
    return new Iterator<>() {
      long i;

      @Override
      public boolean hasNext() {
        return i < ROWS;
      }

      @Override
      public Row next() {
        long id = i++;
        return Row.of(id, (int) ((id * 2654435761L) % 1_000_003) * 2);
      }
    };
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:delta:" + warehouse);
  }

  static String explain(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static List<Long> ids(Statement s, String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  @Test
  void orderByLimitIsATopNThatKeepsOnlyTheRowsItReturns() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      String topN = "SELECT * FROM big ORDER BY id DESC LIMIT 5";
      String plan = explain(s, topN);
      assertTrue(
          plan.contains("EnumerableLimitSort")
              && plan.contains("fetch=[5]")
              && !plan.contains("EnumerableSort"),
          plan);
      String offset = "SELECT id FROM big ORDER BY id DESC LIMIT 3 OFFSET 4";
      assertTrue(explain(s, offset).contains("EnumerableLimitSort"), explain(s, offset));
      assertEquals(List.of(ROWS - 1, ROWS - 2, ROWS - 3, ROWS - 4, ROWS - 5), ids(s, topN));
      assertEquals(List.of(ROWS - 5, ROWS - 6, ROWS - 7), ids(s, offset));
      assertEquals(
          List.of(ROWS - 3, ROWS - 4),
          ids(s, "SELECT id FROM big ORDER BY id DESC OFFSET 2 ROWS FETCH NEXT 2 ROWS ONLY"));
    }
  }

  /**
   * In a JVM whose heap cannot hold {@code big}'s rows, ORDER BY ... LIMIT still answers (it keeps
   * five rows), and a full sort fails with SQLState 53200 naming the table and suggesting LIMIT,
   * instead of an OutOfMemoryError; the JVM then runs the next statement. A full scan read slowly
   * (the client pauses every thousand rows) streams every row in that heap: the workers reading the
   * files wait for the client instead of buffering the table.
   */
  @Test
  void aSortLargerThanMemoryFailsWithAClearErrorAndTheJvmGoesOn() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx" + SMALL_HEAP_MB + "m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                SmallHeapQueries.class.getName(),
                warehouse.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), out);
    System.out.println("small-heap JVM: " + out.strip());
    assertEquals(0, p.exitValue(), out);
    assertTrue(
        out.contains("top-n " + List.of(ROWS - 1, ROWS - 2, ROWS - 3, ROWS - 4, ROWS - 5)), out);
    assertTrue(
        out.contains(
            "sort failed 53200 Out of memory: the statement over table big needs more memory"),
        out);
    assertTrue(out.contains("LIMIT"), out);
    assertTrue(out.contains("after " + (ROWS - 1)), out);
    assertTrue(
        out.contains("slow scan " + ROWS + " rows, ids summing to " + ROWS * (ROWS - 1) / 2), out);
  }

  /** A heap that holds Calcite, a Parquet row group and five rows, not two million. */
  static final int SMALL_HEAP_MB = 128;

  /**
   * The query a cancel or timeout interrupts: the engine's scan filters every row out, so it
   * returns no row for seconds.
   */
  static final String LONG_SCAN = longScan(8);

  /**
   * {@code copies} scans of the whole table in one query, none of which returns a row; the
   * condition is evaluated by Calcite on every row (no Parquet filter can skip it), so that each
   * copy takes a while and a few copies plan at once.
   */
  static String longScan(int copies) {
    return "SELECT count(*) FROM ("
        + String.join(
            " UNION ALL ",
            Collections.nCopies(copies, "SELECT id FROM big WHERE MOD(v + id, 1000007) = -1"))
        + ")";
  }

  /** How long {@code sql} takes when nothing stops it. */
  static long uncanceledMillis(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      long t0 = System.nanoTime();
      try (ResultSet rs = s.executeQuery(sql)) {
        assertTrue(rs.next());
      }
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }
  }

  private static long uncanceled = -1;

  /** The time the long scan takes when nothing stops it (measured once). */
  static synchronized long uncanceledMillis() throws SQLException {
    if (uncanceled >= 0) {
      return uncanceled;
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      // The second run is the measure: the first one also loads and compiles what the scan uses.
      for (int run = 0; run < 2; run++) {
        long t0 = System.nanoTime();
        try (ResultSet rs = s.executeQuery(LONG_SCAN)) {
          assertTrue(rs.next());
          assertEquals(0, rs.getLong(1));
        }
        uncanceled = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      }
      return uncanceled;
    }
  }

  /**
   * How many copies of the table's scan take about 5 s here: long enough to be stopped on any
   * machine.
   */
  static int copiesForSeconds() throws SQLException {
    long perCopy = Math.max(1, uncanceledMillis() / 8);
    return (int) Math.min(64, Math.max(8, 5000 / perCopy + 1));
  }

  @Test
  void cancelFromAnotherThreadStopsALongScanAtOnce() throws Exception {
    int copies = copiesForSeconds();
    long full = uncanceledMillis(longScan(copies));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      CompletableFuture<Long> cancel =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  Thread.sleep(200);
                  long t0 = System.nanoTime();
                  s.cancel();
                  return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      long t0 = System.nanoTime();
      SQLException e =
          assertThrows(SQLException.class, () -> s.executeQuery(longScan(copies)).next());
      long stopped = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("canceled"), e.getMessage());
      assertTrue(
          cancel.get() < full / 2,
          "cancel() returned after " + cancel.get() + " ms; the scan takes " + full);
      assertTrue(
          stopped < full, "stopped after " + stopped + " ms; the whole scan takes " + full + " ms");
      // the statement runs again after a cancel
      assertEquals(List.of(ROWS - 1), ids(s, "SELECT id FROM big ORDER BY id DESC LIMIT 1"));
    }
  }

  @Test
  void queryTimeoutStopsALongScan() throws Exception {
    // A timeout is whole seconds: the scan is made long enough to outlast one on any machine, and
    // timed once without a timeout (planning a long UNION ALL counts too).
    int copies = copiesForSeconds();
    long full = uncanceledMillis(longScan(copies));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      long t0 = System.nanoTime();
      SQLException e =
          assertThrows(SQLException.class, () -> s.executeQuery(longScan(copies)).next());
      long stopped = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertInstanceOf(SQLTimeoutException.class, e, e.getMessage());
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("timeout"), e.getMessage());
      assertTrue(
          stopped < full, "stopped after " + stopped + " ms; the whole scan takes " + full + " ms");
    }
  }

  /**
   * Columns of {@code wide}: the width that failed after minutes in Janino ("Code grows beyond 64
   * KB").
   */
  static final int WIDE = 10_000;

  /**
   * A 10,000-column table takes INSERT ... VALUES of literals and of parameters (a batch), lists
   * its columns and answers SELECT *; an INSERT Calcite would have to compile at that width fails
   * at once with SQLState 54011 naming the table and the limit.
   */
  @Test
  void aTenThousandColumnTableInsertsListsAndSelects() throws SQLException {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < WIDE; i++) {
      fields.add(new StructField("c" + i, PrimitiveType.INTEGER, true));
    }
    DeltaTable.create(
        warehouse.resolve("wide").toString(),
        DeltaTable.defaultConfiguration(),
        TableSpec.of(new StructType(fields)));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      StringBuilder literals = new StringBuilder("INSERT INTO wide VALUES ");
      for (int r = 0; r < 2; r++) {
        literals.append(r == 0 ? "(" : ", (");
        for (int i = 0; i < WIDE; i++) {
          literals
              .append(i == 0 ? "" : ", ")
              .append(i == 1 ? "NULL" : String.valueOf(r * WIDE + i));
        }
        literals.append(')');
      }
      assertEquals(2, s.executeUpdate(literals.toString()));

      String marks = String.join(", ", Collections.nCopies(WIDE, "?"));
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO wide VALUES (" + marks + ")")) {
        for (int r = 2; r < 5; r++) {
          for (int i = 0; i < WIDE; i++) {
            ps.setInt(i + 1, r * WIDE + i);
          }
          ps.addBatch();
        }
        assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
      }

      int listed = 0;
      try (ResultSet rs = c.getMetaData().getColumns(null, null, "wide", null)) {
        while (rs.next()) {
          assertEquals("c" + listed++, rs.getString("COLUMN_NAME"));
        }
      }
      assertEquals(WIDE, listed);

      List<Integer> last = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT * FROM wide")) {
        assertEquals(WIDE, rs.getMetaData().getColumnCount());
        while (rs.next()) {
          last.add(rs.getInt(WIDE));
        }
      }
      Collections.sort(last);
      assertEquals(List.of(WIDE - 1, 2 * WIDE - 1, 3 * WIDE - 1, 4 * WIDE - 1, 5 * WIDE - 1), last);

      SQLException tooWide =
          assertThrows(
              SQLException.class, () -> s.executeUpdate("INSERT INTO wide SELECT * FROM wide"));
      assertEquals("54011", tooWide.getSQLState(), tooWide.getMessage());
      assertTrue(
          tooWide.getMessage().contains("wide") && tooWide.getMessage().contains("10000 columns"),
          tooWide.getMessage());
    }
  }

  /**
   * Delta's data file name ({@code part-<n>-<uuid>.c000.<codec>.parquet}): not hidden, so VACUUM
   * sees it.
   */
  static final Pattern DATA_FILE =
      Pattern.compile("part-\\d{5}-[0-9a-f-]{36}-c000(\\.snappy|\\.zstd)?\\.parquet");

  /**
   * A writer killed mid-way leaves only ordinary data files in the table's directory, named as
   * Delta names them (VACUUM's later issue finds them by name; it skips hidden {@code _} and {@code
   * .} files), and no commit names them: the table reads as empty.
   */
  @Test
  void aKilledWriterLeavesOnlyUncommittedDataFilesVacuumCanFind() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KilledWriter.class.getName(),
                warehouse.toString())
            .redirectErrorStream(true)
            .start();
    Path victim = warehouse.resolve("victim");
    try (var out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("created")) {
        // JVM start-up output, if any
      }
      assertEquals("created", line);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (dataFiles(victim).isEmpty() && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(20);
      }
      assertTrue(p.isAlive(), "the writer finished before it was killed");
      p.destroyForcibly().waitFor();
    }
    List<Path> left = dataFiles(victim);
    assertTrue(!left.isEmpty(), "the killed writer had opened a data file");
    try (Stream<Path> all = Files.walk(victim)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        Path rel = victim.relativize(f);
        if (rel.startsWith("_delta_log")) {
          continue;
        }
        assertTrue(
            DATA_FILE.matcher(f.getFileName().toString()).matches(),
            "not a data file name: " + rel);
        assertEquals(1, rel.getNameCount(), "outside the table directory's data files: " + rel);
      }
    }
    try (Stream<Path> log = Files.list(victim.resolve("_delta_log"))) {
      List<String> commits =
          log.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
      assertEquals(List.of("00000000000000000000.json"), commits);
    }
    String create = Files.readString(victim.resolve("_delta_log/00000000000000000000.json"));
    for (Path f : left) {
      assertTrue(!create.contains(f.getFileName().toString()), f + " is in the log");
    }
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM victim")) {
      rs.next();
      assertEquals(0, rs.getLong(1));
    }
  }

  /**
   * A write that fails mid-way (here a NOT NULL violation after a million rows) deletes the files
   * it wrote.
   */
  @Test
  void aFailedWriteDeletesItsDataFiles() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE failed_copy (id BIGINT NOT NULL, v INT)");
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  s.executeUpdate(
                      "INSERT INTO failed_copy "
                          + "SELECT CASE WHEN id = 1500000 THEN NULL ELSE id END, v FROM big"));
      assertEquals("23000", e.getSQLState(), e.getMessage());
    }
    assertEquals(List.of(), dataFiles(warehouse.resolve("failed_copy")));
  }

  static List<Path> dataFiles(Path table) throws IOException {
    if (!Files.isDirectory(table)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(table)) {
      return all.filter(
              f -> Files.isRegularFile(f) && !table.relativize(f).startsWith("_delta_log"))
          .toList();
    }
  }
}
