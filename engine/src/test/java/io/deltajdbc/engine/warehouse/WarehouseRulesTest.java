package io.deltajdbc.engine.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name rule, the warehouse boundary with links, and what a table owns once its log was cleaned
 * up.
 */
class WarehouseRulesTest {
  private static final StructType SCHEMA =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, false),
          new StructField("part", PrimitiveType.STRING, true));

  @TempDir Path dir;

  @Test
  void plainNamesPassAndPathsDoNot() {
    for (String ok :
        List.of("orders", "Orders 2024", "a-b.c", "x@v0", "_hidden", ".hidden", "ünïcode")) {
      assertEquals(ok, TableNames.requirePlain("table", ok));
      assertTrue(TableNames.isPlain(ok), ok);
    }
    for (String bad :
        List.of(
            "",
            ".",
            "..",
            "../x",
            "a/b",
            "/abs",
            "a\\b",
            "c:x",
            "file:/x",
            "s3a://b/x",
            "x\u0000",
            "x\ty",
            "x\u007f")) {
      DeltaException e =
          assertThrows(DeltaException.class, () -> TableNames.requirePlain("table", bad), bad);
      assertEquals(ErrorCode.INVALID_NAME, e.code());
      assertEquals("42602", e.sqlState());
      assertFalse(TableNames.isPlain(bad), bad);
    }
    for (String hidden : List.of("x@v0", "_hidden", ".hidden", "_delta_log")) {
      assertEquals(
          "42602",
          assertThrows(DeltaException.class, () -> TableNames.requireCreatable("table", hidden))
              .sqlState(),
          hidden);
    }
  }

  @Test
  void linksOutOfTheRootAreOutsideAndLinksWithinAreInside() throws Exception {
    Path wh = Files.createDirectory(dir.resolve("wh"));
    Path outside = Files.createDirectory(dir.resolve("outside"));
    Files.createDirectory(wh.resolve("t"));
    Files.createSymbolicLink(wh.resolve("out"), outside);
    Files.createSymbolicLink(wh.resolve("in"), wh.resolve("t"));
    Files.createSymbolicLink(wh.resolve("dangling"), dir.resolve("nowhere"));
    WarehouseRoot root =
        new WarehouseRoot(
            new org.apache.hadoop.fs.Path(wh.toUri()), DeltaTable.defaultConfiguration());
    assertTrue(root.contains(path(wh.resolve("t"))));
    assertTrue(
        root.contains(path(wh.resolve("not-yet"))), "a location to be created under the root");
    assertTrue(root.contains(path(wh.resolve("in"))));
    assertFalse(root.contains(path(wh.resolve("out"))));
    assertFalse(root.contains(path(wh.resolve("out/new"))), "a new directory below a link out");
    assertFalse(root.contains(path(wh.resolve("dangling"))));
    assertFalse(root.contains(path(outside)));
    assertEquals(
        "42501",
        assertThrows(DeltaException.class, () -> root.resolve(root.root(), "table", "out"))
            .sqlState());
  }

  @Test
  void aTableOwnsTheFilesOfEveryVersionItsLogStillNames() throws Exception {
    DeltaTable t =
        DeltaTable.create(
            dir.resolve("t").toString(),
            DeltaTable.defaultConfiguration(),
            TableSpec.of(SCHEMA, "part").withProperty("delta.checkpointInterval", "3"));
    for (int v = 0; v < 4; v++) {
      Transaction txn = t.startTransaction();
      txn.write(List.of(Row.of((long) v, v % 2 == 0 ? "a" : "b")).iterator());
      txn.commit(Operation.append());
      if (v == 1) {
        Transaction remove = t.startTransaction();
        Snapshot s = remove.readSnapshot();
        remove.readWholeTable();
        remove.remove(s.files());
        remove.commit(Operation.of("TRUNCATE", java.util.Map.of()));
      }
    }
    // Log cleanup: the commits before the checkpoint are gone; the removed files are only named by
    // its tombstones.
    Path log = dir.resolve("t/_delta_log");
    assertTrue(Files.exists(log.resolve("00000000000000000003.checkpoint.parquet")));
    for (int v = 0; v < 3; v++) {
      Files.delete(log.resolve(String.format("%020d.json", v)));
    }
    Files.writeString(dir.resolve("t/part=a/foreign.txt"), "not the table's");
    Set<String> owned = new TreeSet<>();
    OwnedFiles files = t.ownedFiles();
    files
        .files()
        .forEach(p -> owned.add(dir.resolve("t").relativize(Path.of(p.toUri())).toString()));
    assertEquals(parquetFiles(dir.resolve("t")), owned);
    assertEquals(0, files.namedOutside());

    DropResult dropped = t.drop();
    assertEquals(List.of("part=a/foreign.txt"), dropped.left());
    assertFalse(dropped.directoryRemoved());
    assertTrue(dropped.leftMessage("t").contains("part=a/foreign.txt"), dropped.leftMessage("t"));
    assertEquals(Set.of(), parquetFiles(dir.resolve("t")));
    assertFalse(Files.exists(log));
  }

  private static org.apache.hadoop.fs.Path path(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  private static Set<String> parquetFiles(Path table) throws Exception {
    try (Stream<Path> s = Files.walk(table)) {
      return new TreeSet<>(
          s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log"))
              .map(p -> table.relativize(p).toString())
              .toList());
    }
  }
}
