package io.deltajdbc.calcite;

import io.deltajdbc.calcite.internal.DeltaTypes;
import io.deltajdbc.calcite.rel.DeltaRel;
import io.deltajdbc.calcite.rel.DeltaTableScan;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.TableInfo;
import io.deltajdbc.engine.types.StructType;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.hadoop.conf.Configuration;

/**
 * A Delta table (at its latest version, or one version) as a Calcite table. Its columns come from
 * the table's protocol and metadata alone; files are only listed when a query plans its scan.
 */
public final class DeltaCalciteTable extends AbstractTable implements TranslatableTable {
  private final String name;
  private final DeltaTable table;
  private final VersionSpec version;

  public DeltaCalciteTable(String name, DeltaTable table, VersionSpec version, Configuration conf) {
    this(name, table, version, conf, null, 0);
  }

  /**
   * A table whose latest info was read ahead (by a metadata call, at {@code preloadedAt} of {@link
   * System#nanoTime()}): used for up to two seconds after that, and only while no commit of this
   * process through the same table is newer; otherwise the log is read again.
   */
  public DeltaCalciteTable(
      String name,
      DeltaTable table,
      VersionSpec version,
      Configuration conf,
      TableInfo preloaded,
      long preloadedAt) {
    this.name = name;
    this.table = table;
    this.version = version;
    this.conf = conf;
    this.preloaded = preloaded;
    this.preloadedAt = preloadedAt;
  }

  private final Configuration conf;
  private static final long PRELOAD_NANOS = 2_000_000_000L;
  private final TableInfo preloaded;
  private final long preloadedAt;

  public String name() {
    return name;
  }

  public DeltaTable table() {
    return table;
  }

  public VersionSpec version() {
    return version;
  }

  /**
   * The configuration of the warehouse the table belongs to (storage, and the connection's {@code
   * spark.*} settings for its DML).
   */
  public Configuration conf() {
    return conf;
  }

  /** The schema of the version this table stands for. */
  public StructType schema() {
    return version.isLatest() ? info().schema() : snapshot().schema();
  }

  /** Protocol, metadata and schema of the latest version, without listing files. */
  public TableInfo info() {
    if (preloaded != null
        && System.nanoTime() - preloadedAt < PRELOAD_NANOS
        && table.knownVersion() <= preloaded.version()) {
      return preloaded;
    }
    return table.latestInfo();
  }

  /**
   * The snapshot a query reads now: the newest one for the latest version, else the pinned one
   * (loaded once: an old version never changes).
   */
  public Snapshot snapshot() {
    if (version.isLatest()) {
      return table.latestSnapshot();
    }
    Snapshot s = pinned;
    if (s == null) {
      s =
          version.version() != null
              ? table.snapshotAtVersion(version.version())
              : table.snapshotAtTimestamp(version.timestamp());
      pinned = s;
    }
    return s;
  }

  private volatile Snapshot pinned;

  /** The table's description, for JDBC metadata remarks. */
  public String description() {
    return info().metadata().description();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return DeltaTypes.rowType(typeFactory, schema());
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelOptCluster cluster = context.getCluster();
    return DeltaTableScan.create(
        cluster, cluster.traitSetOf(DeltaRel.CONVENTION), relOptTable, this);
  }

  @Override
  public String toString() {
    return "DeltaCalciteTable[" + name + (version.isLatest() ? "" : "@" + version.suffix()) + "]";
  }
}
