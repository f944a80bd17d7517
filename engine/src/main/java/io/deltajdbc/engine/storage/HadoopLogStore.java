package io.deltajdbc.engine.storage;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * A log store over any Hadoop FileSystem. Reads and lists go straight to the file system. A
 * create-without-overwrite writes a hidden temporary file first and then publishes it under the
 * final name in one step that fails if the name exists: a hard link on the local file system,
 * {@code FileContext.rename(NONE)} on HDFS (both atomic); ABFS and GCS create the file directly
 * with a conditional put. On stores where neither is atomic, {@link #isAtomicCreateSafe()} is false
 * and callers must keep to a single writer.
 */
public final class HadoopLogStore implements LogStore {
  private final Configuration conf;

  public HadoopLogStore(Configuration conf) {
    this.conf = requireNonNull(conf, "conf");
  }

  @Override
  public Configuration configuration() {
    return conf;
  }

  @Override
  public List<String> readLines(Path path) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    List<String> lines = new ArrayList<>();
    try (FSDataInputStream in = fs.open(path);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Override
  public Iterator<FileInfo> listFrom(Path path) throws IOException {
    Path dir = path.getParent();
    FileSystem fs = dir.getFileSystem(conf);
    String from = path.getName();
    if ("file".equals(fs.getUri().getScheme())) {
      return listLocalFrom(fs.makeQualified(dir), from);
    }
    FileStatus[] all;
    try {
      all = fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException("no such directory: " + dir);
    }
    return Arrays.stream(all)
        .filter(s -> !s.isDirectory() && s.getPath().getName().compareTo(from) >= 0)
        .sorted(Comparator.comparing(s -> s.getPath().getName()))
        .map(FileInfo::of)
        .iterator();
  }

  /**
   * Local directories are listed by name first and only the files at or after {@code from} are
   * stat'ed: a log of thousands of commits costs one directory read, not thousands of stats.
   */
  private static Iterator<FileInfo> listLocalFrom(Path dir, String from) throws IOException {
    java.nio.file.Path local = java.nio.file.Paths.get(dir.toUri());
    List<FileInfo> out = new java.util.ArrayList<>();
    try (java.nio.file.DirectoryStream<java.nio.file.Path> entries =
        java.nio.file.Files.newDirectoryStream(
            local, p -> p.getFileName().toString().compareTo(from) >= 0)) {
      for (java.nio.file.Path p : entries) {
        java.nio.file.attribute.BasicFileAttributes a;
        try {
          a =
              java.nio.file.Files.readAttributes(
                  p, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException gone) {
          continue; // deleted since the directory was read (log cleanup, a temporary file)
        }
        if (a.isRegularFile()) {
          out.add(
              new FileInfo(
                  new Path(dir, p.getFileName().toString()),
                  a.size(),
                  a.lastModifiedTime().toMillis()));
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new FileNotFoundException("no such directory: " + dir);
    }
    out.sort(Comparator.comparing(FileInfo::name));
    return out.iterator();
  }

  @Override
  public void write(Path path, Iterator<String> lines, boolean overwrite) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    if (overwrite) {
      try (OutputStream out = fs.create(path, true)) {
        writeLines(out, lines);
      }
      return;
    }
    if (isConditionalCreateScheme(fs.getUri().getScheme())) {
      // ABFS and GCS create with overwrite=false as a conditional put (If-None-Match / generation
      // 0): the object appears whole when the stream closes, or the create fails.
      try (OutputStream out = fs.create(path, false)) {
        writeLines(out, lines);
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        throw new FileAlreadyExistsException(path.toString());
      }
      return;
    }
    // Write to a temporary name beside the target, then publish atomically.
    FileSystem raw = fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    Path temp = new Path(path.getParent(), "." + path.getName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = raw.create(temp, false)) {
        writeLines(out, lines);
      }
      publish(raw, temp, path);
    } finally {
      raw.delete(temp, false);
    }
  }

  private void publish(FileSystem fs, Path temp, Path target) throws IOException {
    String scheme = fs.getUri().getScheme();
    if ("file".equals(scheme)) {
      java.nio.file.Path t = java.nio.file.Paths.get(fs.makeQualified(target).toUri());
      java.nio.file.Path s = java.nio.file.Paths.get(fs.makeQualified(temp).toUri());
      try {
        java.nio.file.Files.createLink(t, s); // link(2): fails atomically if the target exists
      } catch (FileAlreadyExistsException e) {
        throw new FileAlreadyExistsException(target.toString());
      }
      return;
    }
    if (isAtomicRenameScheme(scheme)) {
      try {
        FileContext.getFileContext(fs.getUri(), conf).rename(temp, target, Options.Rename.NONE);
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        throw new FileAlreadyExistsException(target.toString());
      }
      return;
    }
    // Object stores: no atomic put-if-absent through this API; check, then rename. Not safe for
    // concurrent writers, which isAtomicCreateSafe() reports.
    if (fs.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    if (!fs.rename(temp, target)) {
      throw new IOException("could not rename " + temp + " to " + target);
    }
  }

  static boolean isConditionalCreateScheme(String scheme) {
    return "abfs".equals(scheme) || "abfss".equals(scheme) || "gs".equals(scheme);
  }

  private static boolean isAtomicRenameScheme(String scheme) {
    return "hdfs".equals(scheme) || "viewfs".equals(scheme);
  }

  @Override
  public boolean isAtomicCreateSafe() {
    return true;
  }

  private static void writeLines(OutputStream out, Iterator<String> lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (lines.hasNext()) {
      sb.append(lines.next()).append('\n');
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }
}
