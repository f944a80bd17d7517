package io.deltajdbc.engine.internal.txn;

import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.internal.checkpoint.CheckpointWriter;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.log.LogContext;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.internal.snapshot.SnapshotManager;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work after a successful commit that never undoes it: a checkpoint every {@code
 * delta.checkpointInterval} versions (default 10), then the cleanup of expired log files ({@code
 * delta.logRetentionDuration}, default 30 days). A failure here is logged, not thrown: the commit
 * stands, and the next checkpoint interval tries again.
 */
final class PostCommit {
  private static final Logger LOG = LoggerFactory.getLogger(PostCommit.class);
  private static final long DAY = 86_400_000L;

  private PostCommit() {}

  static void run(SnapshotManager snapshots, String tablePath, long version, Metadata metadata) {
    int interval =
        Integer.parseInt(metadata.property("delta.checkpointInterval").orElse("10").trim());
    if (version == 0 || version % interval != 0) {
      return;
    }
    try {
      SnapshotImpl s = (SnapshotImpl) snapshots.latest();
      if (s.version() != version) {
        s = (SnapshotImpl) snapshots.atVersion(version);
      }
      if ("v2".equalsIgnoreCase(metadata.property("delta.checkpointPolicy").orElse("classic"))) {
        return; // V2 checkpoints are not written yet; the protocol lets a table have none
      }
      var props = s.metadata().configuration();
      long tombstoneRetention =
          TableProperties.intervalMillis(props, "delta.deletedFileRetentionDuration", 7 * DAY);
      new CheckpointWriter(LogContext.ofTable(s.store(), s.root(), tablePath))
          .write(s.state(), System.currentTimeMillis() - tombstoneRetention);
      if (!"false".equalsIgnoreCase(props.getOrDefault("delta.enableExpiredLogCleanup", "true"))) {
        long retention =
            TableProperties.intervalMillis(props, "delta.logRetentionDuration", 30 * DAY);
        LogCleanup.run(
            s.store(), FileNames.logPath(s.root()), System.currentTimeMillis() - retention);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Post-commit checkpoint of {} at version {} failed; the commit stands: {}",
          tablePath,
          version,
          e.toString());
    }
  }
}
