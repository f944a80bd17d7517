package io.deltajdbc.tools.bench.workload;

import io.deltajdbc.tools.bench.Harness.Side;
import io.deltajdbc.tools.bench.data.WideCatalog;
import io.deltajdbc.tools.bench.peer.KernelPeer;
import io.deltajdbc.tools.bench.peer.SparkPeer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.List;
import org.apache.spark.sql.delta.DeltaLog;

/**
 * What a catalog browser does on connecting: every table and every column of the wide catalog
 * through {@code DatabaseMetaData.getTables} and {@code getColumns} on a fresh connection. The
 * peers read the same from each table's log: delta-kernel's latest schema, and delta-spark's {@code
 * DeltaLog} snapshot schema with an empty cache.
 */
public final class CatalogMetadata implements Workload {
  /**
   * The schema of the warehouse's tables (the connection also shows Calcite's {@code metadata}
   * schema).
   */
  private static final String SCHEMA = "default";

  @Override
  public String name() {
    return "metadata";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    int tables = ctx.scale().catalogTables();
    Path warehouse = ctx.data().wideCatalog(tables);
    KernelPeer kernel = ctx.kernel();
    SparkPeer spark = ctx.spark();
    ctx.harness()
        .compare(
            "list all tables and columns",
            String.format("wide catalog: %,d tables", tables),
            "fresh connection",
            Side.of(Jdbc.NAME, () -> listThroughJdbc(warehouse)),
            Side.of(
                KernelPeer.NAME,
                () -> {
                  long columns = 0;
                  for (int i = 0; i < tables; i++) {
                    columns +=
                        kernel.columnCount(warehouse.resolve(WideCatalog.tableName(i)).toString());
                  }
                  return List.of(tables, columns);
                }),
            Side.of(
                SparkPeer.NAME,
                () -> {
                  DeltaLog.clearCache();
                  long columns = 0;
                  for (int i = 0; i < tables; i++) {
                    String path = warehouse.resolve(WideCatalog.tableName(i)).toString();
                    columns +=
                        DeltaLog.forTable(spark.session(), path)
                            .unsafeVolatileSnapshot()
                            .schema()
                            .length();
                  }
                  return List.of(tables, columns);
                }));
  }

  /** The number of tables and of columns the driver lists. */
  private static List<Long> listThroughJdbc(Path warehouse) throws Exception {
    try (Connection c = Jdbc.connect(warehouse)) {
      DatabaseMetaData md = c.getMetaData();
      long tables = 0;
      try (ResultSet rs = md.getTables(null, SCHEMA, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables++;
        }
      }
      long columns = 0;
      try (ResultSet rs = md.getColumns(null, SCHEMA, "%", "%")) {
        while (rs.next()) {
          rs.getString("TYPE_NAME");
          columns++;
        }
      }
      return List.of(tables, columns);
    }
  }
}
