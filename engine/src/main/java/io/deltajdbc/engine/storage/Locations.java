package io.deltajdbc.engine.storage;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Table and warehouse locations as the engine names them: fully qualified Hadoop paths. */
public final class Locations {
  private static final URI LOCAL = URI.create("file:///");

  private Locations() {}

  /**
   * The location made absolute and given its file system's scheme and authority; a location without
   * a scheme is a local path.
   *
   * @throws IllegalArgumentException when the text is not a path
   * @throws IOException when its file system cannot be reached
   */
  public static Path qualify(String location, Configuration conf) throws IOException {
    Path p = new Path(location);
    FileSystem fs =
        p.toUri().getScheme() == null ? FileSystem.get(LOCAL, conf) : p.getFileSystem(conf);
    return fs.makeQualified(p);
  }
}
