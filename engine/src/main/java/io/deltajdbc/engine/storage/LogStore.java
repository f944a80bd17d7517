package io.deltajdbc.engine.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The three storage operations the Delta log needs (after delta-storage's LogStore): read a file's
 * lines, list a directory from a name onwards, and create a file only if it does not exist.
 * Implementations are chosen per URI scheme by {@link LogStores}.
 */
public interface LogStore {

  /** All lines of a (small) log file. Throws {@link java.io.FileNotFoundException} if absent. */
  List<String> readLines(Path path) throws IOException;

  /**
   * The files of {@code path}'s directory whose names sort at or after {@code path}'s name, in
   * lexicographic order. Throws {@link java.io.FileNotFoundException} when the directory is absent.
   */
  Iterator<FileInfo> listFrom(Path path) throws IOException;

  /**
   * Writes the lines to {@code path}. With {@code overwrite} false, the file appears whole or not
   * at all, and {@link FileAlreadyExistsException} is thrown when it already exists: this is the
   * mutual exclusion every Delta commit relies on.
   */
  void write(Path path, Iterator<String> lines, boolean overwrite) throws IOException;

  /**
   * True when concurrent writers from several processes may safely use {@link #write} without
   * overwrite (put-if-absent is atomic on this storage).
   */
  boolean isAtomicCreateSafe();

  /** The Hadoop configuration this store was opened with. */
  Configuration configuration();
}
