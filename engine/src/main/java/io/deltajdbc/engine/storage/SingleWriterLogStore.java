package io.deltajdbc.engine.storage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A log store for object stores without an atomic put-if-absent (as Delta's single-driver S3 log
 * store): reads and lists as usual, but it reports that concurrent writers are not safe, so the
 * transaction layer refuses them unless told otherwise.
 */
public final class SingleWriterLogStore implements LogStore {
  private final LogStore delegate;
  private final String scheme;

  public SingleWriterLogStore(LogStore delegate, String scheme) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.scheme = requireNonNull(scheme, "scheme");
  }

  public String scheme() {
    return scheme;
  }

  @Override
  public List<String> readLines(Path path) throws IOException {
    return delegate.readLines(path);
  }

  @Override
  public Iterator<FileInfo> listFrom(Path path) throws IOException {
    return delegate.listFrom(path);
  }

  /**
   * Writes through the delegate; creates of one path are serialized within this JVM, so that the
   * threads of a single writer process never overwrite each other's commits (the guarantee Delta's
   * single-driver log store gives).
   */
  @Override
  public void write(Path path, Iterator<String> lines, boolean overwrite) throws IOException {
    if (overwrite) {
      delegate.write(path, lines, true);
      return;
    }
    synchronized (LOCKS[Math.floorMod(path.toString().hashCode(), LOCKS.length)]) {
      delegate.write(path, lines, false);
    }
  }

  private static final Object[] LOCKS = new Object[64];

  static {
    for (int i = 0; i < LOCKS.length; i++) {
      LOCKS[i] = new Object();
    }
  }

  /**
   * The configuration key by which a user declares that only one process writes tables of a scheme.
   */
  public static String singleWriterKey(String scheme) {
    return "deltajdbc.storage." + scheme + ".singleWriter";
  }

  @Override
  public boolean isAtomicCreateSafe() {
    return false;
  }

  @Override
  public Configuration configuration() {
    return delegate.configuration();
  }
}
