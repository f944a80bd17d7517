package io.deltajdbc.engine.internal.snapshot;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.internal.checkpoint.CheckpointReader;
import io.deltajdbc.engine.internal.features.TableFeatures;
import io.deltajdbc.engine.internal.log.CommitFile;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.log.LogContext;
import io.deltajdbc.engine.internal.log.LogSegment;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.storage.LogStore;
import java.io.IOException;
import java.util.List;

/**
 * The latest protocol and metadata of a table without replaying its files: commits are read from
 * the newest backwards until both actions are found, and only then the checkpoint. Catalog tools
 * list columns of many tables this way.
 */
final class MetadataLoader {
  private MetadataLoader() {}

  record Result(long version, Protocol protocol, Metadata metadata) {}

  static Result load(LogStore store, LogSegment segment, String tableName) {
    Protocol protocol = null;
    Metadata metadata = null;
    List<FileInfo> deltas = segment.deltas();
    for (int i = deltas.size() - 1; i >= 0 && (protocol == null || metadata == null); i--) {
      List<String> lines;
      try {
        lines = store.readLines(deltas.get(i).path());
      } catch (IOException e) {
        throw DeltaErrors.storage("reading commit", deltas.get(i).path().toString(), e);
      }
      long version = FileNames.parse(deltas.get(i).name()).version();
      for (Action a :
          CommitFile.parse(tableName, version, deltas.get(i).path().toString(), lines)) {
        if (a instanceof Protocol p && protocol == null) {
          protocol = p;
        } else if (a instanceof Metadata m && metadata == null) {
          metadata = m;
        }
      }
    }
    if ((protocol == null || metadata == null) && segment.checkpoint().isPresent()) {
      Protocol[] p = {protocol};
      Metadata[] m = {metadata};
      new CheckpointReader(new LogContext(store, segment.logPath(), tableName))
          .read(
              segment.checkpoint().get(),
              a -> {
                if (a instanceof Protocol x && p[0] == null) {
                  p[0] = x;
                } else if (a instanceof Metadata x && m[0] == null) {
                  m[0] = x;
                }
              });
      protocol = p[0];
      metadata = m[0];
    }
    if (protocol == null || metadata == null) {
      throw DeltaErrors.corruptLog(
          tableName,
          segment.version(),
          "no "
              + (protocol == null ? "protocol" : "metaData")
              + " action was found in the log; every table must have one.");
    }
    TableFeatures.checkReadable(tableName, segment.version(), protocol, metadata);
    return new Result(segment.version(), protocol, metadata);
  }
}
