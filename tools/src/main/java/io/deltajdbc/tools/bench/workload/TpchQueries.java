package io.deltajdbc.tools.bench.workload;

import io.deltajdbc.tools.bench.Harness.Side;
import io.deltajdbc.tools.bench.peer.SparkPeer;
import io.deltajdbc.tools.bench.tpch.TpchQuery;
import io.trino.tpch.TpchTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The 22 TPC-H queries over the eight tables delta-spark wrote at each scale factor, warm: one
 * connection of ours against one session of delta-spark's whose temporary views name the tables
 * (the queries' bare names), both reading the same Delta tables.
 */
public final class TpchQueries implements Workload {
  @Override
  public String name() {
    return "tpch";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    for (double sf : ctx.scale().tpchScaleFactors()) {
      Path warehouse = ctx.data().tpch(sf, ctx.spark().session());
      SparkSession session = ctx.spark().session().newSession();
      for (TpchTable<?> t : TpchTable.getTables()) {
        session
            .read()
            .format("delta")
            .load(warehouse.resolve(t.getTableName()).toString())
            .createOrReplaceTempView(t.getTableName());
      }
      String dataset = String.format(Locale.ROOT, "TPC-H SF %s", sf);
      try (Connection connection = Jdbc.connect(warehouse)) {
        for (TpchQuery q : TpchQuery.all()) {
          ctx.harness()
              .compare(
                  q.name(),
                  dataset,
                  "warm",
                  Side.of(Jdbc.NAME, () -> Jdbc.rows(connection, q.sql())),
                  Side.of(SparkPeer.NAME, () -> SparkPeer.rows(session, q.sql())));
        }
      }
    }
  }
}
