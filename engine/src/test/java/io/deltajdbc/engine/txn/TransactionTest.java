package io.deltajdbc.engine.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits, idempotent writes, checkpoints and the conflict rules, on local tables. */
class TransactionTest {
  private static final StructType SCHEMA =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, false),
          new StructField("name", PrimitiveType.STRING, true),
          new StructField("part", PrimitiveType.STRING, true));

  @TempDir Path dir;

  private DeltaTable create(String... props) {
    TableSpec spec = TableSpec.of(SCHEMA, "part");
    for (int i = 0; i < props.length; i += 2) {
      spec = spec.withProperty(props[i], props[i + 1]);
    }
    return DeltaTable.create(dir.resolve("t").toString(), DeltaTable.defaultConfiguration(), spec);
  }

  private static List<Row> rows(long from, long to, String part) {
    return LongStream.range(from, to).mapToObj(i -> Row.of(i, "n" + i, part)).toList();
  }

  private static long append(DeltaTable t, List<Row> rows) {
    Transaction txn = t.startTransaction();
    txn.write(rows.iterator());
    return txn.commit(Operation.append()).version();
  }

  private static List<Long> ids(Snapshot s) {
    List<Long> out = new ArrayList<>();
    try (CloseableIterator<Row> it = s.scanBuilder().withColumns(List.of("id")).build().rows()) {
      it.forEachRemaining(r -> out.add((Long) r.get(0)));
    }
    out.sort(null);
    return out;
  }

  @Test
  void appendsAreReadBackAndCheckpointedEveryTenVersions() {
    DeltaTable t = create("delta.checkpointInterval", "5");
    for (int v = 1; v <= 12; v++) {
      assertEquals(v, append(t, rows(v * 10L, v * 10L + 10, v % 2 == 0 ? "even" : null)));
    }
    Snapshot s = t.latestSnapshot();
    assertEquals(12, s.version());
    assertEquals(LongStream.range(10, 130).boxed().toList(), ids(s));
    assertEquals(LongStream.range(10, 40).boxed().toList(), ids(t.snapshotAtVersion(3)));
    assertTrue(Files.exists(dir.resolve("t/_delta_log/00000000000000000010.checkpoint.parquet")));
    assertTrue(Files.exists(dir.resolve("t/_delta_log/00000000000000000005.checkpoint.parquet")));
    assertTrue(Files.isDirectory(dir.resolve("t/part=even")));
    assertTrue(Files.isDirectory(dir.resolve("t/part=__HIVE_DEFAULT_PARTITION__")));
    DeltaTable fresh =
        DeltaTable.forPath(dir.resolve("t").toString(), DeltaTable.defaultConfiguration());
    assertEquals(
        ids(s), ids(fresh.latestSnapshot()), "a cold load from the checkpoint reads the same rows");
    var scan = s.scanBuilder().withFilter(Predicates.lt(Column.of("id"), Literal.of(20))).build();
    assertEquals(11, scan.metrics().skippedByStats(), "statistics skip every file but the first");
    assertEquals(120L, s.scanBuilder().build().rowCountFromLog().orElseThrow());
  }

  @Test
  void zstdByTableProperty() {
    DeltaTable t = create("parquet.compression", "zstd");
    append(t, rows(0, 50, "a"));
    Snapshot s = t.latestSnapshot();
    assertTrue(
        s.files().stream().allMatch(f -> f.path().endsWith(".zstd.parquet")), s.files().toString());
    assertEquals(LongStream.range(0, 50).boxed().toList(), ids(s));
  }

  @Test
  void aRepeatedApplicationVersionIsSkipped() {
    DeltaTable t = create();
    Transaction first = t.startTransaction();
    assertTrue(first.setTransaction("loader", 7));
    first.write(rows(0, 5, "a").iterator());
    assertEquals(1, first.commit(Operation.append()).version());
    Transaction again = t.startTransaction();
    assertFalse(again.setTransaction("loader", 7));
    CommitResult r = again.commit(Operation.append());
    assertTrue(r.skipped());
    assertEquals(1, t.latestSnapshot().version());
    assertEquals(7L, t.latestSnapshot().transactionVersion("loader").orElseThrow());
  }

  @Test
  void blindAppendsRebaseAndDeletesOfTheSameFileConflict() {
    DeltaTable t = create();
    append(t, rows(0, 10, "a"));
    Transaction a = t.startTransaction();
    Transaction b = t.startTransaction();
    a.write(rows(10, 20, "a").iterator());
    b.write(rows(20, 30, "b").iterator());
    assertEquals(2, a.commit(Operation.append()).version());
    CommitResult rb = b.commit(Operation.append());
    assertEquals(3, rb.version());
    assertEquals(2, rb.attempts());

    Snapshot s = t.latestSnapshot();
    AddFile first =
        s.files().stream()
            .filter(f -> f.partitionValues().get("part").equals("a"))
            .findFirst()
            .orElseThrow();
    Transaction d1 = t.startTransaction();
    Transaction d2 = t.startTransaction();
    d1.readFiles(List.of(first));
    d1.remove(List.of(first));
    d2.readFiles(List.of(first));
    d2.remove(List.of(first));
    d1.commit(Operation.of("DELETE", java.util.Map.of()));
    ConcurrentModificationException e =
        assertThrows(
            ConcurrentDeleteReadException.class,
            () -> d2.commit(Operation.of("DELETE", java.util.Map.of())));
    assertEquals(4, e.winningVersion());
    assertTrue(e.getMessage().contains("version 4"), e.getMessage());
    assertEquals(4, t.latestSnapshot().version(), "the loser left the table as it was");
  }

  @Test
  void anAppendIntoAReadPartitionConflictsAnotherPartitionDoesNot() {
    DeltaTable t = create();
    append(t, rows(0, 10, "a"));
    Transaction reader = t.startTransaction();
    reader.readPredicate(Predicates.eq(Column.of("part"), Literal.of("a")));
    reader.write(rows(100, 101, "a").iterator());
    Transaction other = t.startTransaction();
    other.readPredicate(Predicates.eq(Column.of("part"), Literal.of("z")));
    other.write(rows(200, 201, "b").iterator());
    other.commit(Operation.of("MERGE", java.util.Map.of()));
    reader.commit(Operation.of("MERGE", java.util.Map.of())); // b does not match part = 'a'

    Transaction loser = t.startTransaction();
    loser.readPredicate(Predicates.eq(Column.of("part"), Literal.of("a")));
    Transaction winner = t.startTransaction();
    winner.readWholeTable();
    winner.write(rows(300, 301, "a").iterator());
    winner.commit(Operation.of("MERGE", java.util.Map.of()));
    loser.write(rows(400, 401, "a").iterator());
    assertThrows(
        ConcurrentAppendException.class,
        () -> loser.commit(Operation.of("MERGE", java.util.Map.of())));
  }

  @Test
  void badInputIsRefusedAndNothingIsCommitted() {
    DeltaTable t = create("delta.appendOnly", "true");
    Transaction txn = t.startTransaction();
    DeltaException nn =
        assertThrows(
            DeltaException.class, () -> txn.write(List.of(Row.of(null, "x", "a")).iterator()));
    assertEquals(ErrorCode.CONSTRAINT_VIOLATION, nn.code());
    assertTrue(nn.getMessage().contains("id"), nn.getMessage());
    append(t, rows(0, 3, "a"));
    Transaction del = t.startTransaction();
    del.remove(t.latestSnapshot().files());
    assertEquals(
        ErrorCode.CONSTRAINT_VIOLATION,
        assertThrows(
                DeltaException.class, () -> del.commit(Operation.of("DELETE", java.util.Map.of())))
            .code());
    assertEquals(1, t.latestSnapshot().version());
    DeltaException bad =
        assertThrows(
            DeltaException.class,
            () ->
                DeltaTable.create(
                    dir.resolve("u").toString(),
                    DeltaTable.defaultConfiguration(),
                    TableSpec.of(SCHEMA).withProperty("delta.checkpointInterva", "3")));
    assertTrue(bad.getMessage().contains("delta.checkpointInterva"), bad.getMessage());
    assertEquals(
        ErrorCode.TABLE_ALREADY_EXISTS,
        assertThrows(
                DeltaException.class,
                () ->
                    DeltaTable.create(
                        dir.resolve("t").toString(),
                        DeltaTable.defaultConfiguration(),
                        TableSpec.of(SCHEMA)))
            .code());
  }
}
