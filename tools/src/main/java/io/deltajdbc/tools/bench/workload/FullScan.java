package io.deltajdbc.tools.bench.workload;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.tools.bench.Comparison;
import io.deltajdbc.tools.bench.Harness.Side;
import io.deltajdbc.tools.bench.SideResult;
import io.deltajdbc.tools.bench.data.DataSets;
import io.deltajdbc.tools.bench.peer.DuckDbPeer;
import io.deltajdbc.tools.bench.peer.RawParquet;
import io.deltajdbc.tools.bench.peer.SparkPeer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Scan throughput: {@code SELECT count(*), sum(l_quantity), sum(l_extendedprice)} over the whole
 * unpartitioned {@code lineitem} on a warm connection, against the limit (the same files' two
 * columns summed by parquet-hadoop's column readers) and delta-spark SQL.
 */
public final class FullScan implements Workload {
  static final String SQL = "SELECT count(*), sum(l_quantity), sum(l_extendedprice) FROM {t}";

  @Override
  public String name() {
    return "scan";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    for (long rows : ctx.scale().lineitemRows()) {
      Path warehouse = ctx.data().lineitem(rows);
      String tablePath = warehouse.resolve(DataSets.LINEITEM).toString();
      DeltaTable table = DeltaTable.forPath(tablePath);
      List<URI> files = new ArrayList<>();
      for (AddFile f : table.latestSnapshot().files()) {
        // the writer of this table stores paths relative to its root (URI-encoded, as the protocol
        // says)
        files.add(URI.create(table.root() + "/" + f.path()));
      }
      List<Side> peers = new ArrayList<>();
      peers.add(
          Side.of(
              RawParquet.NAME,
              () -> ctx.parquet().sums(files, List.of("l_quantity", "l_extendedprice"))));
      peers.add(
          Side.of(
              SparkPeer.NAME,
              () -> ctx.spark().rows(SQL.replace("{t}", SparkPeer.table(tablePath))).get(0)));
      DuckDbPeer.source(tablePath)
          .ifPresent(
              src ->
                  peers.add(
                      Side.of(
                          DuckDbPeer.NAME,
                          () -> ctx.duckdb().rows(SQL.replace("{t}", src)).get(0))));
      try (Connection c = Jdbc.connect(warehouse)) {
        ctx.harness()
            .compare(
                "full scan: count and two sums",
                LineitemQueries.dataset(rows, DataSets.LINEITEM),
                "warm",
                cmp -> throughput(cmp, rows),
                Side.of(
                    Jdbc.NAME, () -> Jdbc.rows(c, SQL.replace("{t}", DataSets.LINEITEM)).get(0)),
                peers.toArray(Side[]::new));
      }
    }
  }

  static String throughput(Comparison c, long rows) {
    List<SideResult> all = new ArrayList<>();
    all.add(c.ours());
    all.addAll(c.peers());
    return all.stream()
        .map(
            s ->
                String.format(
                    Locale.ROOT,
                    "%s %.2fM rows/s, %.3f CPU s/round",
                    s.name(),
                    rows / s.median() / 1e6,
                    s.medianCpu()))
        .collect(Collectors.joining("; "));
  }
}
