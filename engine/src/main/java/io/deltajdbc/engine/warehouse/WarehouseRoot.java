package io.deltajdbc.engine.warehouse;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The root directory of a warehouse and the check every location derived from SQL passes before
 * storage is touched: after normalisation it lies under the root, and on a local file system its
 * real path (symbolic links resolved) does too, so a link inside the warehouse cannot lead a
 * statement out of it. Other Hadoop file systems get the normalised prefix check (they have no
 * symbolic links, or do not enable them by default).
 */
public final class WarehouseRoot {
  private final Path root;
  private final Configuration conf;
  private final java.nio.file.Path realRoot; // null unless the root is on the local file system

  /**
   * {@code root} must be fully qualified (scheme and authority), as the driver's connection makes
   * it.
   */
  public WarehouseRoot(Path root, Configuration conf) {
    this.root = requireNonNull(root, "root");
    this.conf = requireNonNull(conf, "conf");
    this.realRoot = isLocal(root) ? realPath(local(root)) : null;
  }

  public Path root() {
    return root;
  }

  public Configuration conf() {
    return conf;
  }

  /**
   * The location of {@code name} (a plain name, checked) in folder {@code dir} of this warehouse,
   * checked to lie inside the root. Fails with 42602 for a name that is not plain, with 42501 for a
   * location outside the warehouse.
   */
  public Path resolve(Path dir, String kind, String name) {
    TableNames.requirePlain(kind, name);
    Path p = new Path(dir, name);
    requireInside(name, p);
    return p;
  }

  /**
   * Fails with {@code LOCATION_NOT_EMPTY} unless {@code location} is free for a new table: absent,
   * an empty directory, or one holding nothing but an empty {@code _delta_log}. A table created
   * over other files would own them in the eyes of a later DROP, and hide them from the user.
   */
  public void requireFreeForCreate(String table, Path location) {
    try {
      FileSystem fs = location.getFileSystem(conf);
      FileStatus[] entries;
      try {
        if (!fs.getFileStatus(location).isDirectory()) {
          throw DeltaErrors.locationNotEmpty(table, location.toString(), "a file of that name");
        }
        entries = fs.listStatus(location);
      } catch (FileNotFoundException e) {
        return;
      }
      for (FileStatus s : entries) {
        boolean emptyLog =
            s.getPath().getName().equals(OwnedFiles.LOG_DIR)
                && s.isDirectory()
                && fs.listStatus(s.getPath()).length == 0;
        if (!emptyLog) {
          throw DeltaErrors.locationNotEmpty(
              table,
              location.toString(),
              entries.length
                  + " entr"
                  + (entries.length == 1 ? "y" : "ies")
                  + " (such as "
                  + s.getPath().getName()
                  + ")");
        }
      }
    } catch (IOException e) {
      throw DeltaErrors.storage(
          "checking the directory of new table " + table + " at", location.toString(), e);
    }
  }

  /** Fails with 42501 unless {@code p} lies inside the root (real paths on a local file system). */
  public Path requireInside(String name, Path p) {
    if (!contains(p)) {
      throw DeltaErrors.outsideWarehouse(name, p.toString(), root.toString());
    }
    return p;
  }

  /**
   * True when {@code p} is the root or lies under it after normalisation and, on a local file
   * system, when the real path of its nearest existing ancestor (itself, when it exists) does.
   */
  public boolean contains(Path p) {
    if (!underByName(p)) {
      return false;
    }
    if (realRoot == null) {
      return true;
    }
    for (java.nio.file.Path q = local(p); q != null; q = q.getParent()) {
      try {
        return q.toRealPath().startsWith(realRoot);
      } catch (NoSuchFileException e) {
        if (Files.isSymbolicLink(q)) {
          return false; // a dangling link is no less a way out
        }
        // not there yet (a table to be created): its nearest existing ancestor decides
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  private boolean underByName(Path p) {
    URI r = root.toUri().normalize();
    URI u = p.toUri().normalize();
    if (!Objects.equals(r.getScheme(), u.getScheme())
        || !Objects.equals(r.getAuthority(), u.getAuthority())) {
      return false;
    }
    String rp = r.getPath().endsWith("/") ? r.getPath() : r.getPath() + "/";
    String up = u.getPath().endsWith("/") ? u.getPath() : u.getPath() + "/";
    return up.startsWith(rp) && !up.contains("/../");
  }

  static boolean isLocal(Path p) {
    return "file".equals(p.toUri().getScheme());
  }

  static java.nio.file.Path local(Path p) {
    return Paths.get(p.toUri());
  }

  private static java.nio.file.Path realPath(java.nio.file.Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      throw DeltaErrors.storage("resolving the warehouse", p.toString(), e);
    }
  }
}
