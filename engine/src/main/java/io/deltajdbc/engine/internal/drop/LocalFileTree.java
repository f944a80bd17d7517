package io.deltajdbc.engine.internal.drop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * DROP TABLE's file operations on a local disk, with java.nio: directory walks do not follow links
 * (a link is visited as a file and deleted as one), and a file is only deleted when the real path
 * of its directory lies inside the table's real path, so a linked partition directory cannot make
 * DROP delete files elsewhere.
 */
final class LocalFileTree implements FileTree {
  private final Map<java.nio.file.Path, Boolean> dirInside = new HashMap<>();
  private java.nio.file.Path realRoot;

  @Override
  public boolean isSymlink(Path p) {
    return Files.isSymbolicLink(local(p));
  }

  @Override
  public long deleteTree(Path dir) throws IOException {
    java.nio.file.Path d = local(dir);
    if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(d);
      return 1;
    }
    long[] n = {0};
    Files.walkFileTree(
        d,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            n[0]++;
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(java.nio.file.Path dir, IOException e)
              throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
    return n[0];
  }

  @Override
  public boolean deleteOwned(Path root, Path f) throws IOException {
    java.nio.file.Path file = local(f);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)
        || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (!inside(root, file.getParent())) {
      return false; // reached through a linked directory: not the table's file, whatever the log
      // says
    }
    Files.delete(file); // a link is removed as a link
    return true;
  }

  /**
   * Whether directory {@code dir} really lies inside the table; one real-path lookup per directory.
   */
  private boolean inside(Path root, java.nio.file.Path dir) throws IOException {
    if (realRoot == null) {
      realRoot = local(root).toRealPath();
    }
    Boolean known = dirInside.get(dir);
    if (known == null) {
      known = dir.toRealPath().startsWith(realRoot);
      dirInside.put(dir, known);
    }
    return known;
  }

  @Override
  public void removeEmptyDirectories(Path root) throws IOException {
    java.nio.file.Path r = local(root);
    Files.walkFileTree(
        r,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult postVisitDirectory(java.nio.file.Path dir, IOException e)
              throws IOException {
            if (e != null) {
              throw e;
            }
            if (!dir.equals(r) && isEmpty(dir)) {
              Files.delete(dir);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Override
  public List<String> remaining(Path root) throws IOException {
    java.nio.file.Path r = local(root);
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(r, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    Files.walkFileTree(
        r,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs) {
            out.add(r.relativize(file).toString().replace('\\', '/'));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(java.nio.file.Path dir, IOException e)
              throws IOException {
            if (e != null) {
              throw e;
            }
            if (!dir.equals(r) && isEmpty(dir)) {
              out.add(r.relativize(dir).toString().replace('\\', '/') + "/");
            }
            return FileVisitResult.CONTINUE;
          }
        });
    out.sort(null);
    return out;
  }

  @Override
  public boolean deleteIfEmpty(Path dir) throws IOException {
    java.nio.file.Path d = local(dir);
    if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && isEmpty(d)) {
      Files.delete(d);
      return true;
    }
    return false;
  }

  private static boolean isEmpty(java.nio.file.Path dir) throws IOException {
    try (DirectoryStream<java.nio.file.Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  private static java.nio.file.Path local(Path p) {
    return Paths.get(p.toUri());
  }
}
