package io.deltajdbc.calcite;

import io.deltajdbc.calcite.internal.TableInfoPreload;
import io.deltajdbc.calcite.utility.MetadataTable;
import io.deltajdbc.calcite.utility.MetadataTables;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.warehouse.TableNames;
import io.deltajdbc.engine.warehouse.WarehouseRoot;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.SchemaVersion;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.IgnoreCaseLookup;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A folder of a warehouse as a Calcite schema: each subdirectory holding {@code _delta_log/} is a
 * table named by its directory; other subdirectories holding tables are sub-schemas. Lookups are
 * lazy: listing names reads directory entries only, and a table's log is read when a query or a
 * metadata call needs its columns. Engine tables are kept per name, so that snapshots refresh
 * incrementally from one query to the next.
 *
 * <p>Every name that reaches this schema is a name, never a path: it is checked by the engine's
 * {@link io.deltajdbc.engine.warehouse.TableNames} rule (42602 otherwise), and the location it
 * resolves to must lie inside the warehouse root, symbolic links resolved (42501 otherwise).
 * Entries that lead out of the warehouse through a link are not listed.
 */
public final class DeltaWarehouseSchema implements Schema {
  private final WarehouseRoot warehouse;
  private final Path dir;
  private final Configuration conf;
  private final Map<String, DeltaTable> tables = new ConcurrentHashMap<>();

  /**
   * Infos read ahead for a metadata call, by lower-case name: the lookups of the next two seconds
   * use them (Calcite looks a table up more than once per listing), later ones read the log.
   */
  private final Map<String, TableInfoPreload.Loaded> preloaded = new ConcurrentHashMap<>();

  /** The warehouse itself: {@code dir} (fully qualified) is its root. */
  public DeltaWarehouseSchema(Path dir, Configuration conf) {
    this(new WarehouseRoot(dir, conf), dir);
  }

  private DeltaWarehouseSchema(WarehouseRoot warehouse, Path dir) {
    this.warehouse = warehouse;
    this.dir = dir;
    this.conf = warehouse.conf();
  }

  /**
   * The folder {@code name} of this schema as a schema (a plain name inside the warehouse,
   * checked).
   */
  public DeltaWarehouseSchema folder(String name) {
    return new DeltaWarehouseSchema(warehouse, warehouse.resolve(dir, "schema", name));
  }

  /** The warehouse this schema belongs to, with its root. */
  public WarehouseRoot warehouse() {
    return warehouse;
  }

  /**
   * The location of table {@code name} in this schema: fails with 42602 when the name is not a
   * plain name, with 42501 when the location is outside the warehouse (a symbolic link out of it).
   */
  public Path location(String name) {
    return warehouse.resolve(dir, "table", name);
  }

  public Path dir() {
    return dir;
  }

  /** The storage configuration of the warehouse. */
  public Configuration conf() {
    return conf;
  }

  /**
   * The directory name of table {@code name} in this schema (matched ignoring case), or empty when
   * there is no such table.
   */
  public java.util.Optional<String> existingTable(String name) {
    if (isTable(location(name))) {
      return java.util.Optional.of(name);
    }
    return tableNames().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
  }

  /**
   * The engine's handle on table {@code name} (a directory of this schema), shared by the queries
   * and statements of the connection so that each sees new commits incrementally.
   */
  public DeltaTable engineTable(String name) {
    return tables.computeIfAbsent(
        name.toLowerCase(Locale.ROOT), k -> DeltaTable.forPath(location(name).toString(), conf));
  }

  /**
   * Forgets the cached engine handle of a table (after DROP TABLE, so a new table of that name
   * starts afresh).
   */
  public void forget(String name) {
    tables.remove(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Reads ahead, in parallel, the latest protocol, metadata and schema of the tables matching
   * {@code pattern}, for a {@code DatabaseMetaData} call about to list them: lookups of those
   * tables in the next two seconds use what was read here instead of reading each log again, one
   * table after the other.
   */
  public void preloadInfos(LikePattern pattern) {
    Map<String, DeltaTable> wanted = new HashMap<>();
    for (String name : tables().getNames(pattern)) {
      wanted.put(name.toLowerCase(Locale.ROOT), engineTable(name));
    }
    if (wanted.size() < 2) {
      return;
    }
    preloaded.putAll(TableInfoPreload.load(wanted));
  }

  /** The folders of {@code dir} that are schemas: not tables, not hidden, with a table inside. */
  public Set<String> schemaFolders() {
    Set<String> out = new TreeSet<>();
    for (FileStatus s : list(dir, conf)) {
      String n = s.getPath().getName();
      if (s.isDirectory()
          && !hidden(n)
          && warehouse.contains(s.getPath())
          && !isTable(s.getPath())
          && !folderOf(s.getPath()).tableNames().isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }

  @Override
  public Lookup<Table> tables() {
    return new IgnoreCaseLookup<>() {
      @Override
      public Table get(String name) {
        return table(name, false);
      }

      @Override
      public Named<Table> getIgnoreCase(String name) {
        Table t = table(name, true);
        return t == null
            ? null
            : new Named<>(
                t instanceof MetadataTable m ? m.name() : ((DeltaCalciteTable) t).name(), t);
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        Set<String> out = new TreeSet<>();
        var matcher = pattern.matcher();
        for (String n : tableNames()) {
          if (matcher.apply(n)) {
            out.add(n);
          }
        }
        return out;
      }
    };
  }

  @Override
  public Lookup<? extends Schema> subSchemas() {
    return new IgnoreCaseLookup<Schema>() {
      @Override
      public Schema get(String name) {
        return schemaFolders().contains(name) ? folder(name) : null;
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        Set<String> out = new TreeSet<>();
        var matcher = pattern.matcher();
        schemaFolders()
            .forEach(
                n -> {
                  if (matcher.apply(n)) {
                    out.add(n);
                  }
                });
        return out;
      }
    };
  }

  /**
   * The table {@code name} (with an optional {@code @version} suffix), or the metadata table {@code
   * name$history} or {@code name$detail} of the latest version of a table, or null.
   */
  private Table table(String name, boolean ignoreCase) {
    Table t = deltaTable(name, ignoreCase);
    if (t == null) {
      Optional<String[]> meta = MetadataTables.split(name);
      if (meta.isPresent()
          && deltaTable(meta.get()[0], ignoreCase) instanceof DeltaCalciteTable base
          && base.version().isLatest()) {
        return MetadataTables.of(base.name() + meta.get()[1], base.table(), meta.get()[1]);
      }
    }
    return t;
  }

  private Table deltaTable(String name, boolean ignoreCase) {
    String base = VersionSpec.baseName(name);
    String actual = null;
    if (isTable(location(base))) {
      actual = base;
    } else if (ignoreCase) {
      for (String n : tableNames()) {
        if (n.equalsIgnoreCase(base)) {
          actual = n;
          break;
        }
      }
    }
    if (actual == null) {
      return null;
    }
    VersionSpec version = VersionSpec.parse(name);
    String tableName = actual;
    DeltaTable engineTable = engineTable(tableName);
    TableInfoPreload.Loaded p =
        version.isLatest() ? preloaded.get(tableName.toLowerCase(Locale.ROOT)) : null;
    DeltaCalciteTable t =
        new DeltaCalciteTable(
            version.isLatest() ? tableName : tableName + "@" + version.suffix(),
            engineTable,
            version,
            conf,
            p != null ? p.info() : null,
            p != null ? p.nanos() : 0);
    if (!version.isLatest()) {
      t.snapshot(); // an old version that does not exist fails here, with the table's version range
    }
    return t;
  }

  private DeltaWarehouseSchema folderOf(Path p) {
    return new DeltaWarehouseSchema(warehouse, p);
  }

  /**
   * The tables of this folder: not hidden, inside the warehouse (a link out of it is not listed).
   */
  private Set<String> tableNames() {
    Set<String> out = new TreeSet<>();
    for (FileStatus s : list(dir, conf)) {
      if (s.isDirectory() && !hidden(s.getPath().getName()) && isTable(s.getPath())) {
        out.add(s.getPath().getName());
      }
    }
    return out;
  }

  /**
   * A directory with a {@code _delta_log} that really lies inside the warehouse: one real-path
   * check of the log covers a link at the table's directory and one at its log.
   */
  private boolean isTable(Path p) {
    try {
      Path log = new Path(p, "_delta_log");
      return p.getFileSystem(conf).exists(log) && warehouse.contains(log);
    } catch (IOException e) {
      throw DeltaErrors.storage("looking for a table at", p.toString(), e);
    }
  }

  /** Hidden, or a directory name no statement could use as a table or schema name. */
  private static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_") || !TableNames.isPlain(name);
  }

  private static FileStatus[] list(Path dir, Configuration conf) {
    try {
      FileSystem fs = dir.getFileSystem(conf);
      return fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      return new FileStatus[0];
    } catch (IOException e) {
      throw DeltaErrors.storage("listing the warehouse folder", dir.toString(), e);
    }
  }

  // ---- Schema's name-based methods, answered through the lookups
  // ---------------------------------

  @Override
  public Table getTable(String name) {
    return tables().get(name);
  }

  @Override
  public Set<String> getTableNames() {
    return tables().getNames(LikePattern.any());
  }

  @Override
  public Schema getSubSchema(String name) {
    return subSchemas().get(name);
  }

  @Override
  public Set<String> getSubSchemaNames() {
    return subSchemas().getNames(LikePattern.any());
  }

  @Override
  public RelProtoDataType getType(String name) {
    return null;
  }

  @Override
  public Set<String> getTypeNames() {
    return Set.of();
  }

  @Override
  public Collection<Function> getFunctions(String name) {
    return Set.of();
  }

  @Override
  public Set<String> getFunctionNames() {
    return Set.of();
  }

  @Override
  public Expression getExpression(SchemaPlus parentSchema, String name) {
    return Schemas.subSchemaExpression(parentSchema, name, getClass());
  }

  @Override
  public boolean isMutable() {
    return true;
  }

  @Override
  public Schema snapshot(SchemaVersion version) {
    return this;
  }
}
