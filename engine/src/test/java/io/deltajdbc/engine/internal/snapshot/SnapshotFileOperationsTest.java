package io.deltajdbc.engine.internal.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.internal.checkpoint.CheckpointWriter;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.log.LogContext;
import io.deltajdbc.engine.testing.CountingFileSystem;
import io.deltajdbc.engine.testing.LogFixture;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts the file-system operations of a snapshot load (as Trino's TestDeltaLakeFileOperations
 * does): with a checkpoint at version 20 and commits to 25, a cold load reads _last_checkpoint,
 * lists the log once, reads the checkpoint and the five commits, and nothing else; refreshing to
 * version 26 lists once and reads one commit file.
 */
class SnapshotFileOperationsTest {
  @TempDir Path dir;

  @Test
  void coldLoadAndIncrementalUpdateReadOnlyWhatTheyNeed() throws Exception {
    Configuration conf = CountingFileSystem.configuration();
    String uri = CountingFileSystem.uri(dir);
    LogFixture fixture = new LogFixture(new org.apache.hadoop.fs.Path(uri), conf);
    fixture.create();
    for (long v = 1; v <= 20; v++) {
      fixture.append(v, v * 10, 10, v % 2 == 0 ? "even" : "odd");
    }
    DeltaTable writerView = DeltaTable.forPath(uri, conf);
    SnapshotImpl at20 = (SnapshotImpl) writerView.snapshotAtVersion(20);
    new CheckpointWriter(
            new LogContext(writerView.logStore(), FileNames.logPath(writerView.root()), uri))
        .write(at20.state(), 0);
    for (long v = 21; v <= 25; v++) {
      fixture.append(v, v * 10, 10, "late");
    }

    CountingFileSystem.reset();
    DeltaTable table = DeltaTable.forPath(uri, conf);
    Snapshot s25 = table.latestSnapshot();
    assertEquals(25, s25.version());
    assertEquals(25, s25.files().size());
    assertEquals(
        List.of(
            "open _last_checkpoint",
            "list _delta_log",
            "open 00000000000000000020.checkpoint.parquet",
            "open 00000000000000000021.json",
            "open 00000000000000000022.json",
            "open 00000000000000000023.json",
            "open 00000000000000000024.json",
            "open 00000000000000000025.json"),
        CountingFileSystem.operations());

    fixture.append(26, 260, 10, "late");
    CountingFileSystem.reset();
    Snapshot s26 = table.latestSnapshot();
    assertEquals(26, s26.version());
    assertEquals(26, s26.files().size());
    assertEquals(
        List.of("list _delta_log", "open 00000000000000000026.json"),
        CountingFileSystem.operations());

    CountingFileSystem.reset();
    assertEquals(26, table.latestSnapshot().version());
    assertEquals(
        List.of("list _delta_log"),
        CountingFileSystem.operations(),
        "nothing new: one listing only");
  }
}
