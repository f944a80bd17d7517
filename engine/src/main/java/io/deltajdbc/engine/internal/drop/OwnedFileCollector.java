package io.deltajdbc.engine.internal.drop;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddCDCFile;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.internal.checkpoint.CheckpointReader;
import io.deltajdbc.engine.internal.dv.DeletionVectorLoader;
import io.deltajdbc.engine.internal.log.CheckpointInstance;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.log.LogContext;
import io.deltajdbc.engine.internal.log.LogFileName;
import io.deltajdbc.engine.internal.replay.PathCanonicalizer;
import io.deltajdbc.engine.storage.FileInfo;
import io.deltajdbc.engine.storage.LogStore;
import io.deltajdbc.engine.warehouse.OwnedFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * Reads every commit and checkpoint file in a table's {@code _delta_log} and gathers the files they
 * name: {@code add}, {@code remove} and {@code cdc} paths and on-disk deletion vectors. Each
 * version's state is a checkpoint plus commits, so the union over these files is every file of
 * every version the log still describes. Each checkpoint part is read on its own: a part's actions
 * are what it names, complete checkpoint or not.
 */
public final class OwnedFileCollector {
  private final LogStore store;
  private final Path root;
  private final String tableName;
  private final PathCanonicalizer paths;
  private final String dvPrefix;

  public OwnedFileCollector(LogStore store, Path root, String tableName) {
    this.store = requireNonNull(store, "store");
    this.root = requireNonNull(root, "root");
    this.tableName = requireNonNull(tableName, "tableName");
    this.paths = new PathCanonicalizer(root);
    this.dvPrefix = store.configuration().get(DeletionVectorLoader.TEST_FILE_NAME_PREFIX_KEY, "");
  }

  public OwnedFiles collect() {
    Path log = FileNames.logPath(root);
    Set<Path> named = new HashSet<>();
    Iterator<FileInfo> files;
    try {
      files = store.listFrom(FileNames.listingPrefix(log, 0));
    } catch (FileNotFoundException e) {
      throw DeltaErrors.tableNotFound(tableName);
    } catch (IOException e) {
      throw DeltaErrors.storage("listing", log.toString(), e);
    }
    CheckpointReader checkpoints = new CheckpointReader(new LogContext(store, log, tableName));
    while (files.hasNext()) {
      FileInfo f = files.next();
      LogFileName n = FileNames.parse(f.name());
      if (n == null || n.kind() == LogFileName.Kind.COMPACTION) {
        continue; // a compaction only repeats what its commits name
      }
      if (n.kind() == LogFileName.Kind.DELTA) {
        readCommit(f, n.version(), named);
      } else {
        checkpoints.read(
            new CheckpointInstance(n.version(), n.kind(), List.of(f)), a -> add(a, named));
      }
    }
    Set<Path> inside = new HashSet<>();
    int outside = 0;
    String prefix = root.toUri().normalize().getPath();
    prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    for (Path p : named) {
      URI u = p.toUri().normalize();
      boolean sameFs =
          Objects.equals(u.getScheme(), root.toUri().getScheme())
              && Objects.equals(u.getAuthority(), root.toUri().getAuthority());
      if (sameFs && u.getPath().startsWith(prefix) && !u.getPath().contains("/../")) {
        inside.add(p);
      } else {
        outside++;
      }
    }
    return new OwnedFiles(root, inside, outside);
  }

  private void readCommit(FileInfo f, long version, Set<Path> named) {
    List<String> lines;
    try {
      lines = store.readLines(f.path());
    } catch (IOException e) {
      throw DeltaErrors.storage("reading commit", f.path().toString(), e);
    }
    for (String line : lines) {
      try {
        add(ActionJson.parse(line), named);
      } catch (IllegalArgumentException e) {
        throw DeltaErrors.corruptLog(
            tableName,
            version,
            "commit file "
                + f.name()
                + " has an invalid line: "
                + e.getMessage()
                + "; DROP TABLE cannot tell which files the table owns, and deleted nothing.",
            e);
      }
    }
  }

  private void add(Action a, Set<Path> named) {
    if (a instanceof AddFile add) {
      named.add(paths.absolute(add.path()));
      dv(add.deletionVector(), named);
    } else if (a instanceof RemoveFile remove) {
      named.add(paths.absolute(remove.path()));
      dv(remove.deletionVector(), named);
    } else if (a instanceof AddCDCFile cdc) {
      named.add(paths.absolute(cdc.path()));
    }
  }

  private void dv(DeletionVectorDescriptor dv, Set<Path> named) {
    if (dv != null && !dv.isInline()) {
      try {
        named.add(DeletionVectorLoader.absolutePath(root, dv, dvPrefix));
      } catch (IllegalArgumentException e) {
        // An unreadable descriptor names no file we could delete; the table's own readers report
        // it.
      }
    }
  }
}
