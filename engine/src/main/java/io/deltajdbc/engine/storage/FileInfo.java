package io.deltajdbc.engine.storage;

import static java.util.Objects.requireNonNull;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/** A file found by listing: its fully qualified path, size and modification time (epoch ms). */
public record FileInfo(Path path, long size, long modificationTime) {
  public FileInfo {
    requireNonNull(path, "path");
  }

  public static FileInfo of(FileStatus status) {
    return new FileInfo(status.getPath(), status.getLen(), status.getModificationTime());
  }

  /** The file's name, the last element of its path. */
  public String name() {
    return path.getName();
  }

  /** A Hadoop status for this file, so readers need not ask the file system again. */
  public FileStatus toFileStatus() {
    return new FileStatus(size, false, 1, 0, modificationTime, path);
  }
}
