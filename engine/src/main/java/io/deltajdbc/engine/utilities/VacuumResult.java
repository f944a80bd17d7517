package io.deltajdbc.engine.utilities;

import java.util.List;

/**
 * What VACUUM did. {@code paths} are the fully qualified files and empty directories it deleted
 * (or, in a dry run, would delete), sorted: delta-spark's DRY RUN result rows. {@code
 * numDeletedFiles} counts what was actually deleted (0 in a dry run), {@code
 * numVacuumedDirectories} the directories listed (the table root included), as delta-spark's {@code
 * VACUUM END} metrics do. {@code startVersion} and {@code endVersion} are the versions of the
 * {@code VACUUM START} and {@code VACUUM END} commits, -1 when none was written (dry runs, and
 * storage on which delta-spark does not log vacuums).
 */
public record VacuumResult(
    String location,
    boolean dryRun,
    List<String> paths,
    long sizeOfDataToDelete,
    long numDeletedFiles,
    long numVacuumedDirectories,
    long startVersion,
    long endVersion) {
  public VacuumResult {
    paths = List.copyOf(paths);
  }
}
