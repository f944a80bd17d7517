package io.deltajdbc.tools.bench.workload;

import io.deltajdbc.tools.bench.Harness.Side;
import io.deltajdbc.tools.bench.data.DataSets;
import io.deltajdbc.tools.bench.data.Lineitem;
import io.deltajdbc.tools.bench.peer.DuckDbPeer;
import io.deltajdbc.tools.bench.peer.SparkPeer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Interactive queries on {@code lineitem} through JDBC against the same SQL on delta-spark, for
 * each size and layout: a point query (statistics skipping), an aggregate on one ship mode
 * (partition pruning on the partitioned layout), TPC-H Q1 and Q6. Each is timed as the first query
 * of a fresh connection (delta-spark: a new session and no cached log, on the warm SparkContext)
 * and, up to a size, warm (the same connection or session again).
 */
public final class LineitemQueries implements Workload {
  /** A query with {@code {t}} where the table goes. */
  record Query(String name, String sql, boolean scanBound) {
    String on(String table) {
      return sql.replace("{t}", table);
    }
  }

  static final String Q1 =
      """
      SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,
        sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,
        sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge, avg(l_quantity) AS avg_qty,
        avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc, count(*) AS count_order
      FROM {t} WHERE l_shipdate <= DATE '1998-09-02'
      GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus""";
  static final String Q6 =
      """
      SELECT sum(l_extendedprice * l_discount) AS revenue FROM {t}
      WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01'
        AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24""";
  static final String PRUNED =
      """
      SELECT l_returnflag, count(*) AS lines, sum(l_quantity) AS qty, max(l_receiptdate) AS last_receipt
      FROM {t} WHERE l_shipmode = 'AIR' GROUP BY l_returnflag ORDER BY l_returnflag""";

  @Override
  public String name() {
    return "queries";
  }

  static List<Query> queries(long rows) {
    long key = Lineitem.orderKey(rows / 8);
    return List.of(
        new Query(
            "point query (statistics skipping)",
            "SELECT * FROM {t} WHERE l_orderkey = " + key + " ORDER BY l_linenumber",
            false),
        new Query("aggregate of one ship mode (partition pruning)", PRUNED, true),
        new Query("TPC-H Q1", Q1, true),
        new Query("TPC-H Q6", Q6, true));
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    SparkPeer spark = ctx.spark();
    for (long rows : ctx.scale().lineitemRows()) {
      Path warehouse = ctx.data().lineitem(rows);
      for (String table : List.of(DataSets.LINEITEM, DataSets.LINEITEM_PARTITIONED)) {
        String dataset = dataset(rows, table);
        String sparkTable = SparkPeer.table(warehouse.resolve(table).toString());
        boolean warm = rows <= ctx.scale().warmQueriesUpToRows();
        Optional<String> duck = DuckDbPeer.source(warehouse.resolve(table).toString());
        try (Connection connection = Jdbc.connect(warehouse)) {
          for (Query q : queries(rows)) {
            ctx.harness()
                .compare(
                    q.name(),
                    dataset,
                    "first query of a fresh connection",
                    Side.of(Jdbc.NAME, () -> Jdbc.rowsFresh(warehouse, q.on(table))),
                    Side.of(
                        SparkPeer.NAME,
                        () -> SparkPeer.rows(spark.freshSession(), q.on(sparkTable))));
            if (warm) {
              // DuckDB joins the scan-bound aggregates, warm (its one connection lives for the run)
              List<Side> peers = new ArrayList<>();
              peers.add(Side.of(SparkPeer.NAME, () -> spark.rows(q.on(sparkTable))));
              if (q.scanBound() && duck.isPresent()) {
                peers.add(Side.of(DuckDbPeer.NAME, () -> ctx.duckdb().rows(q.on(duck.get()))));
              }
              ctx.harness()
                  .compare(
                      q.name(),
                      dataset,
                      "warm",
                      c -> q.scanBound() ? FullScan.throughput(c, rows) : "",
                      Side.of(Jdbc.NAME, () -> Jdbc.rows(connection, q.on(table))),
                      peers.toArray(Side[]::new));
            }
          }
        }
      }
    }
  }

  static String dataset(long rows, String table) {
    return String.format(
        "lineitem %,d rows, %s",
        rows,
        table.equals(DataSets.LINEITEM_PARTITIONED)
            ? "partitioned by " + Lineitem.PARTITION_COLUMN
            : "unpartitioned");
  }
}
