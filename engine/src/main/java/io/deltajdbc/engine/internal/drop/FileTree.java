package io.deltajdbc.engine.internal.drop;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The few file operations DROP TABLE needs, none of which follows a symbolic link: a link is
 * deleted as a link, never descended into. One implementation per kind of storage.
 */
interface FileTree {

  /** True when {@code p} itself is a symbolic link. */
  boolean isSymlink(Path p) throws IOException;

  /**
   * Deletes {@code dir} and everything below it (links as links); returns the number of files
   * deleted.
   */
  long deleteTree(Path dir) throws IOException;

  /**
   * Deletes file {@code f} of the table at {@code root} when it exists and its directory really
   * lies inside the table (no link on the way); returns whether it deleted it.
   */
  boolean deleteOwned(Path root, Path f) throws IOException;

  /** Removes the empty directories below {@code root} (not {@code root}), deepest first. */
  void removeEmptyDirectories(Path root) throws IOException;

  /** The files and links left below {@code root}, relative to it, sorted. */
  List<String> remaining(Path root) throws IOException;

  /** Deletes {@code dir} when it is empty; returns whether it did. */
  boolean deleteIfEmpty(Path dir) throws IOException;

  static FileTree of(Path root, Configuration conf) throws IOException {
    return "file".equals(root.toUri().getScheme())
        ? new LocalFileTree()
        : new HadoopFileTree(root.getFileSystem(conf));
  }
}
