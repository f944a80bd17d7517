package io.deltajdbc.engine.internal.drop;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.warehouse.DropResult;
import io.deltajdbc.engine.warehouse.OwnedFiles;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Deletes what a table owns and nothing else. The log goes first, so that a DROP interrupted
 * half-way leaves no table that names missing files; the list of owned files was read before, so
 * deleting the log does not lose it. Then the named files, the change data, and the directories
 * left empty. What remains is reported, and the table's directory stays when anything does. A table
 * whose directory is a symbolic link is refused: DROP never follows a link.
 */
public final class TableDeleter {
  private TableDeleter() {}

  public static DropResult drop(OwnedFiles owned, String tableName, Configuration conf) {
    Path root = owned.root();
    try {
      FileTree tree = FileTree.of(root, conf);
      if (tree.isSymlink(root)) {
        throw DeltaErrors.dropSymlink(tableName, root.toString());
      }
      long deleted = tree.deleteTree(new Path(root, OwnedFiles.LOG_DIR));
      for (Path f : new TreeSet<>(owned.files())) {
        if (tree.deleteOwned(root, f)) {
          deleted++;
        }
      }
      deleted += tree.deleteTree(new Path(root, OwnedFiles.CHANGE_DATA_DIR));
      tree.removeEmptyDirectories(root);
      List<String> left = tree.remaining(root);
      boolean removed = left.isEmpty() && tree.deleteIfEmpty(root);
      return new DropResult(
          root,
          deleted,
          removed,
          left.subList(0, Math.min(left.size(), DropResult.MAX_LISTED)),
          left.size());
    } catch (IOException e) {
      throw DeltaErrors.storage("dropping table", root.toString(), e);
    }
  }
}
