package io.deltajdbc.jdbc;

import io.deltajdbc.engine.internal.log.FileNames;

/** Deliberately breaks the module boundary, to show that ModuleBoundariesTest fails on it. Removed next commit. */
final class ReachesIntoEngineInternals {
  static String firstCommit(org.apache.hadoop.fs.Path log) {
    return FileNames.deltaFile(log, 0).getName();
  }
}
