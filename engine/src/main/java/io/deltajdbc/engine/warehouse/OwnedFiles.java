package io.deltajdbc.engine.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * What a table owns below its directory {@code root}: the {@code _delta_log} and {@code
 * _change_data} directories, and the data, change-data and deletion-vector {@code files} its log
 * names, in any version still in the log (the active files of each checkpoint and commit, and those
 * named by remove tombstones). Files the log names outside {@code root} (a shallow clone's source,
 * a path that leaves the table) are not owned: {@code namedOutside} counts them.
 */
public record OwnedFiles(Path root, Set<Path> files, int namedOutside) {
  public static final String LOG_DIR = "_delta_log";
  public static final String CHANGE_DATA_DIR = "_change_data";

  public OwnedFiles {
    requireNonNull(root, "root");
    files = Set.copyOf(files);
  }
}
