package io.deltajdbc.engine.internal.drop;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * DROP TABLE's file operations on other Hadoop file systems (HDFS, object stores). Locations were
 * checked by normalised path prefix; object stores have no links, and HDFS links are refused where
 * the file system reports them.
 */
final class HadoopFileTree implements FileTree {
  private final FileSystem fs;

  HadoopFileTree(FileSystem fs) {
    this.fs = requireNonNull(fs, "fs");
  }

  @Override
  public boolean isSymlink(Path p) throws IOException {
    try {
      return fs.getFileLinkStatus(p).isSymlink();
    } catch (UnsupportedOperationException | FileNotFoundException e) {
      return false;
    }
  }

  @Override
  public long deleteTree(Path dir) throws IOException {
    if (!fs.exists(dir)) {
      return 0;
    }
    long n = 0;
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      it.next();
      n++;
    }
    fs.delete(dir, true);
    return n;
  }

  @Override
  public boolean deleteOwned(Path root, Path f) throws IOException {
    try {
      FileStatus s = fs.getFileStatus(f);
      return !s.isDirectory() && fs.delete(f, false);
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  @Override
  public void removeEmptyDirectories(Path root) throws IOException {
    for (FileStatus s : fs.listStatus(root)) {
      if (s.isDirectory()) {
        removeEmptyDirectories(s.getPath());
        if (fs.listStatus(s.getPath()).length == 0) {
          fs.delete(s.getPath(), false);
        }
      }
    }
  }

  @Override
  public List<String> remaining(Path root) throws IOException {
    List<String> out = new ArrayList<>();
    if (!fs.exists(root)) {
      return out;
    }
    String prefix = fs.makeQualified(root).toUri().getPath();
    prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      String p = it.next().getPath().toUri().getPath();
      out.add(p.startsWith(prefix) ? p.substring(prefix.length()) : p);
    }
    out.sort(null);
    return out;
  }

  @Override
  public boolean deleteIfEmpty(Path dir) throws IOException {
    return fs.exists(dir) && fs.listStatus(dir).length == 0 && fs.delete(dir, false);
  }
}
