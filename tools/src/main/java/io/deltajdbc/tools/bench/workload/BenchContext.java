package io.deltajdbc.tools.bench.workload;

import io.deltajdbc.tools.bench.Harness;
import io.deltajdbc.tools.bench.Scale;
import io.deltajdbc.tools.bench.data.DataSets;
import io.deltajdbc.tools.bench.peer.DuckDbPeer;
import io.deltajdbc.tools.bench.peer.KernelPeer;
import io.deltajdbc.tools.bench.peer.RawParquet;
import io.deltajdbc.tools.bench.peer.SparkPeer;
import java.nio.file.Path;

/**
 * What a workload works with: the harness, the data sets, a scratch directory for tables it
 * changes, and the peers.
 */
public record BenchContext(
    Harness harness,
    DataSets data,
    Path work,
    SparkPeer spark,
    KernelPeer kernel,
    RawParquet parquet,
    DuckDbPeer duckdb) {
  public Scale scale() {
    return harness.scale();
  }
}
