package io.deltajdbc.engine.internal.txn;

import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.log.LogFileName;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.storage.LogStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Deletes expired log files after a checkpoint (protocol: "Metadata Cleanup"): commits, checkpoints
 * and checksum files older than the retention period and older than the newest complete checkpoint
 * that is itself past the retention, so that the table stays readable from that checkpoint on.
 */
final class LogCleanup {
  private LogCleanup() {}

  /** Deletes what expired before {@code cutoffMillis}; returns how many files were deleted. */
  static int run(LogStore store, Path logPath, long cutoffMillis) throws IOException {
    List<FileInfo> files = new ArrayList<>();
    Iterator<FileInfo> it = store.listFrom(FileNames.listingPrefix(logPath, 0));
    it.forEachRemaining(files::add);
    long boundary = newestExpiredCheckpoint(files, cutoffMillis);
    if (boundary <= 0) {
      return 0;
    }
    FileSystem fs = logPath.getFileSystem(store.configuration());
    int deleted = 0;
    for (FileInfo f : files) {
      LogFileName n = FileNames.parse(f.name());
      boolean checksum = f.name().endsWith(".crc") && f.name().length() == 24;
      long version =
          n != null ? n.version() : checksum ? Long.parseLong(f.name().substring(0, 20)) : -1;
      if (version >= 0
          && version < boundary
          && f.modificationTime() <= cutoffMillis
          && (n == null || n.kind() != LogFileName.Kind.COMPACTION)) {
        if (fs.delete(f.path(), false)) {
          deleted++;
        }
      }
    }
    return deleted;
  }

  /** The newest version with a complete checkpoint written before the cutoff, or -1. */
  private static long newestExpiredCheckpoint(List<FileInfo> files, long cutoffMillis) {
    Map<String, Integer> partsSeen = new HashMap<>();
    long best = -1;
    for (FileInfo f : files) {
      LogFileName n = FileNames.parse(f.name());
      if (n == null || !n.isCheckpoint() || f.modificationTime() > cutoffMillis) {
        continue;
      }
      String key = n.version() + "/" + n.parts();
      int seen = partsSeen.merge(key, 1, Integer::sum);
      if (n.kind() != LogFileName.Kind.MULTIPART_CHECKPOINT || seen == n.parts()) {
        best = Math.max(best, n.version());
      }
    }
    return best;
  }
}
