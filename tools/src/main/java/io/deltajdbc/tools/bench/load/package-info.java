/**
 * A concurrent client workload: N clients, each on its own connection, run a mix of point queries,
 * GROUP BY aggregates and INSERTs of fresh rows for a duration or a number of operations ({@link
 * io.deltajdbc.tools.bench.load.LoadWorkload}), and the result counts operations, errors by
 * SQLState and expected write conflicts, latency percentiles and throughput ({@link
 * io.deltajdbc.tools.bench.load.LoadResult}), then checks that every committed INSERT is in the
 * table exactly once. The connections come from a {@code Supplier<Connection>}, so the same run
 * goes through the local driver or through a network server's remote driver.
 */
package io.deltajdbc.tools.bench.load;
