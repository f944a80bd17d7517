package io.deltajdbc.engine.testing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The real local file system under the scheme {@code counting:}, recording every open, listing and
 * status call, so tests can assert which files a query touches (as Trino's
 * TestDeltaLakeFileOperations does). Operations are recorded per JVM; reset between tests.
 */
public final class CountingFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "counting";
  private static final List<String> OPERATIONS = Collections.synchronizedList(new ArrayList<>());

  /**
   * Calls the local file system makes to itself (a listing stats each entry) are not the caller's.
   */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  /** A configuration where {@code counting:} paths go through this file system. */
  public static Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set("fs." + SCHEME + ".impl", CountingFileSystem.class.getName());
    conf.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
    return conf;
  }

  /** The {@code counting:} URI string of a local path. */
  public static String uri(java.nio.file.Path local) {
    return SCHEME + "://" + local.toAbsolutePath();
  }

  public static void reset() {
    OPERATIONS.clear();
  }

  /** The recorded operations, each as "OP file-name" (e.g. "open 00000000000000000021.json"). */
  public static List<String> operations() {
    synchronized (OPERATIONS) {
      return new ArrayList<>(OPERATIONS);
    }
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  private interface Call<T> {
    T run() throws IOException;
  }

  private static <T> T record(String operation, Path f, Call<T> call) throws IOException {
    int[] depth = DEPTH.get();
    if (depth[0] == 0) {
      OPERATIONS.add(operation + " " + f.getName());
    }
    depth[0]++;
    try {
      return call.run();
    } finally {
      depth[0]--;
    }
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    return record("open", f, () -> super.open(f, bufferSize));
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    return record("list", f, () -> super.listStatus(f));
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    return record("status", f, () -> super.getFileStatus(f));
  }

  @Override
  public boolean exists(Path f) throws IOException {
    try {
      getFileStatus(f);
      return true;
    } catch (FileNotFoundException e) {
      return false;
    }
  }
}
