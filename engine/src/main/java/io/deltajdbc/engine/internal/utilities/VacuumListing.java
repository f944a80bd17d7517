package io.deltajdbc.engine.internal.utilities;

import io.deltajdbc.engine.DeltaErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * VACUUM's listing of a table's directory (delta-spark's {@code recursiveListDirs} with {@code
 * DeltaTableUtils.isHiddenDirectory} as the filter of directories and files): every file and
 * directory below the root, hidden names and symbolic links on local disks left out.
 */
final class VacuumListing {
  private VacuumListing() {}

  /** A listed file or directory, relative to the table root (decoded). */
  record Entry(String path, boolean dir, long size, long modificationTime) {}

  static List<Entry> list(FileSystem fs, Path root, List<String> partitionColumns) {
    List<Entry> out = new ArrayList<>();
    list(fs, root, "", partitionColumns, out);
    return out;
  }

  private static void list(
      FileSystem fs, Path dir, String prefix, List<String> partitionColumns, List<Entry> out) {
    FileStatus[] children;
    try {
      children = fs.listStatus(dir);
    } catch (java.io.FileNotFoundException e) {
      return; // deleted while we listed
    } catch (IOException e) {
      throw DeltaErrors.storage("listing", dir.toString(), e);
    }
    for (FileStatus s : children) {
      String name = s.getPath().getName();
      if (isHidden(name, partitionColumns) || isLocalLink(s.getPath())) {
        continue;
      }
      String rel = prefix + name;
      if (s.isDirectory()) {
        out.add(new Entry(rel, true, 0, s.getModificationTime()));
        list(fs, s.getPath(), rel + "/", partitionColumns, out);
      } else {
        out.add(new Entry(rel, false, s.getLen(), s.getModificationTime()));
      }
    }
  }

  /**
   * True for a symbolic link on a local disk: VACUUM neither descends into one nor deletes it, so
   * that it never deletes outside the table (delta-spark follows links; the engine's rule, as for
   * DROP TABLE, is not to).
   */
  private static boolean isLocalLink(Path p) {
    if (!"file".equals(p.toUri().getScheme())) {
      return false;
    }
    try {
      return java.nio.file.Files.isSymbolicLink(java.nio.file.Paths.get(p.toUri()));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * delta-spark's {@code DeltaTableUtils.isHiddenDirectory}: names starting with {@code _} or
   * {@code .} are not the table's data, except {@code _change_data}, {@code _delta_index} and
   * partition directories ({@code col=value}); {@code metadata} is reserved too.
   */
  static boolean isHidden(String name, List<String> partitionColumns) {
    if (name.equals("metadata")) {
      return true;
    }
    if (!name.startsWith(".") && !name.startsWith("_")) {
      return false;
    }
    if (name.startsWith("_delta_index") || name.startsWith("_change_data")) {
      return false;
    }
    for (String c : partitionColumns) {
      if (name.startsWith(c + "=")) {
        return false;
      }
    }
    return true;
  }
}
