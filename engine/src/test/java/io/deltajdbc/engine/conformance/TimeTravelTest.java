package io.deltajdbc.engine.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time travel by version and timestamp on a copy of the golden time-travel table, with the commit
 * file times its generator intended set again (Git does not keep them; MANIFEST.md): version N was
 * committed at start + 20 N minutes and holds ids 0 .. 10 (N + 1) - 1.
 */
class TimeTravelTest {
  static final Instant START = Instant.ofEpochMilli(1540415658000L);

  @TempDir static Path temp;
  static DeltaTable table;

  @BeforeAll
  static void copyWithCommitTimes() throws Exception {
    Path copy =
        TestData.copy(
            TestData.resolve("golden/connectors/time-travel-start-start20-start40/delta"),
            temp.resolve("tt"));
    for (int v = 0; v <= 2; v++) {
      Path commit = copy.resolve(String.format("_delta_log/%020d.json", v));
      Files.setLastModifiedTime(commit, FileTime.from(START.plus(Duration.ofMinutes(20L * v))));
    }
    table = DeltaTable.forPath(copy.toString());
  }

  @Test
  void byVersion() {
    for (int v = 0; v <= 2; v++) {
      KnownAnswersTest.assertIds(
          table.path(), v, "id", KnownAnswersTest.range(0, 10L * (v + 1), x -> true));
    }
  }

  @Test
  void byTimestampPicksTheVersionCurrentAtThatTime() {
    assertEquals(0, table.snapshotAtTimestamp(START).version());
    assertEquals(0, table.snapshotAtTimestamp(START.plus(Duration.ofMinutes(19))).version());
    assertEquals(1, table.snapshotAtTimestamp(START.plus(Duration.ofMinutes(20))).version());
    assertEquals(1, table.snapshotAtTimestamp(START.plus(Duration.ofMinutes(39))).version());
    Snapshot s = table.snapshotAtTimestamp(START.plus(Duration.ofMinutes(40)));
    assertEquals(2, s.version());
    assertEquals(START.plus(Duration.ofMinutes(40)).toEpochMilli(), s.timestamp());
  }

  @Test
  void timestampsOutsideTheLogAreRefusedWithTheRange() {
    DeltaException before =
        assertThrows(DeltaException.class, () -> table.snapshotAtTimestamp(START.minusSeconds(1)));
    assertEquals(ErrorCode.TIMESTAMP_OUT_OF_RANGE, before.code());
    assertTrue(before.getMessage().contains("before the earliest"), before.getMessage());
    assertTrue(before.getMessage().contains(START.toString()), before.getMessage());
    DeltaException after =
        assertThrows(
            DeltaException.class, () -> table.snapshotAtTimestamp(START.plus(Duration.ofHours(1))));
    assertEquals(ErrorCode.TIMESTAMP_OUT_OF_RANGE, after.code());
    assertTrue(after.getMessage().contains("after the latest commit"), after.getMessage());
  }

  @Test
  void versionsOutsideTheLogAreRefusedWithTheRange() {
    DeltaException ex = assertThrows(DeltaException.class, () -> table.snapshotAtVersion(3));
    assertEquals(ErrorCode.VERSION_OUT_OF_RANGE, ex.code());
    assertTrue(ex.getMessage().contains("0 to 2"), ex.getMessage());
    assertTrue(ex.getMessage().contains(table.path()), ex.getMessage());
  }

  @Test
  void versionsWhoseLogWasCleanedUpAreRefused() {
    // DAT no_replay: commits 0 and 1 were deleted after the checkpoint at version 2.
    DeltaTable t = KnownAnswersTest.open("dat/out/reader_tests/generated/no_replay/delta");
    DeltaException ex = assertThrows(DeltaException.class, () -> t.snapshotAtVersion(1));
    assertEquals(ErrorCode.VERSION_OUT_OF_RANGE, ex.code());
    assertTrue(ex.getMessage().contains("2 to 5"), ex.getMessage());
    assertEquals(2, t.snapshotAtVersion(2).version());
  }
}
