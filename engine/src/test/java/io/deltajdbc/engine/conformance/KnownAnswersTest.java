package io.deltajdbc.engine.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Scan;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Tables without an expected-answer folder whose answers the originating projects state in their
 * own tests (MANIFEST.md names them): deletion vectors per version, checkpoints, reconciliation.
 */
class KnownAnswersTest {

  @Test
  void basicDeletionVectorWithoutCheckpoint() {
    assertIds(
        "golden/kernel-defaults/basic-dv-no-checkpoint", -1, "id", range(0, 10, id -> id >= 2));
  }

  @Test
  void deletionVectorsAcrossFourCheckpoints() {
    assertIds(
        "golden/kernel-defaults/basic-dv-with-checkpoint",
        -1,
        "id",
        range(0, 500, id -> id % 11 != 0));
  }

  @Test
  void fifteenCommitsWithCheckpoint() {
    assertIds("golden/kernel-defaults/basic-with-checkpoint", -1, "id", range(0, 150, id -> true));
  }

  @Test
  void deletionVectorWithColumnMappingPerVersion() {
    assertIds(
        "golden/spark-test-resources/table-with-dv-small", 0, "value", range(0, 10, v -> true));
    assertIds(
        "golden/spark-test-resources/table-with-dv-small",
        1,
        "value",
        range(0, 10, v -> v >= 1 && v <= 8));
    assertIds("deltars/table-with-dv-small", 1, "value", range(0, 10, v -> v >= 1 && v <= 8));
  }

  @Test
  void largeDeletionVectorsPerVersion() {
    String t = "golden/spark-test-resources/table-with-dv-large";
    List<Long> v0 = range(0, 2000, v -> true);
    List<Long> v1 = minus(v0, 0, 180, 300, 700, 1800);
    List<Long> v2 = plus(v1, 300, 700);
    List<Long> v3 = minus(v2, 300, 250, 350, 900, 1353, 1567, 1800);
    List<Long> v4 = plus(v3, 900, 1567);
    assertIds(t, 0, "value", v0);
    assertIds(t, 1, "value", v1);
    assertIds(t, 2, "value", v2);
    assertIds(t, 3, "value", v3);
    assertIds(t, 4, "value", v4);
    String p = "golden/spark-test-resources/partitioned-table-with-dv-large";
    assertIds(p, 1, "id", minus(range(0, 2000, v -> true), 0, 180, 308, 225, 756, 1007, 1503));
  }

  @Test
  void checkpointAtTenWithCommitsToFourteen() {
    Snapshot s = open("golden/connectors/checkpoint/delta").latestSnapshot();
    assertEquals(14, s.version());
    assertEquals(1, s.files().size());
  }

  @Test
  void canonicalizedPathsReconcileToNoFiles() {
    for (String c : List.of("normal-a", "normal-b", "special-a", "special-b")) {
      Snapshot s = open("golden/connectors/canonicalized-paths-" + c + "/delta").latestSnapshot();
      assertEquals(1, s.version(), c);
      assertEquals(0, s.files().size(), c + ": " + s.files());
    }
  }

  @Test
  void fileRemovedAndReAddedInLaterCommit() {
    Snapshot s =
        open("golden/connectors/delete-re-add-same-file-different-transactions/delta")
            .latestSnapshot();
    Map<String, Long> files = new TreeMap<>();
    for (AddFile f : s.files()) {
      files.put(f.path(), f.modificationTime());
    }
    assertEquals(Set.of("foo", "bar"), files.keySet());
    assertEquals(1700000000000L, files.get("foo"));
  }

  @Test
  void specialCharactersInPathsAreDecoded() {
    Snapshot s = open("golden/connectors/log-replay-special-characters-b/delta").latestSnapshot();
    var paths = ((io.deltajdbc.engine.internal.snapshot.SnapshotImpl) s).paths();
    assertEquals(
        List.of("special p@#h"),
        s.files().stream().map(f -> paths.absolute(f.path()).getName()).toList());
  }

  @Test
  void oldestWritersReadWithCheckpointAndTxn() {
    Snapshot s = open("deltars/delta-0.2.0").latestSnapshot();
    assertEquals(3, s.version());
    assertEquals(1, s.protocol().minReaderVersion());
    assertEquals(2, s.protocol().minWriterVersion());
    Snapshot txn = open("golden/connectors/deltalog-getChanges/delta").latestSnapshot();
    assertEquals(3L, txn.transactionVersion("fakeAppId").orElseThrow());
  }

  // ---------------------------------------------------------------------------------------------

  static DeltaTable open(String relative) {
    return TestData.open(TestData.resolve(relative));
  }

  static void assertIds(String table, long version, String column, List<Long> expected) {
    DeltaTable t = open(table);
    Snapshot s = version < 0 ? t.latestSnapshot() : t.snapshotAtVersion(version);
    Scan scan = s.scanBuilder().withColumns(List.of(column)).build();
    List<Long> actual = new ArrayList<>();
    try (CloseableIterator<Row> rows = scan.rows()) {
      while (rows.hasNext()) {
        actual.add(((Number) rows.next().get(0)).longValue());
      }
    }
    actual.sort(null);
    List<Long> want = new ArrayList<>(expected);
    want.sort(null);
    if (!want.equals(actual)) {
      Set<Long> missing = new TreeSet<>(want);
      missing.removeAll(actual);
      Set<Long> extra = new TreeSet<>(actual);
      extra.removeAll(want);
      throw new AssertionError(
          table
              + " v"
              + version
              + ": expected "
              + want.size()
              + " rows, read "
              + actual.size()
              + "; missing "
              + missing
              + "; unexpected "
              + extra);
    }
  }

  static List<Long> range(long from, long to, LongPredicate keep) {
    return LongStream.range(from, to).filter(keep).boxed().collect(Collectors.toList());
  }

  static List<Long> minus(List<Long> base, long... values) {
    Set<Long> drop = LongStream.of(values).boxed().collect(Collectors.toSet());
    return base.stream().filter(v -> !drop.contains(v)).collect(Collectors.toList());
  }

  static List<Long> plus(List<Long> base, long... values) {
    List<Long> out = new ArrayList<>(base);
    LongStream.of(values).forEach(out::add);
    return out;
  }
}
