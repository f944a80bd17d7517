/**
 * The benchmark suite ({@link io.deltajdbc.tools.bench.BenchSuite}): delta-jdbc measured against
 * its peers (delta-kernel-defaults, delta-spark, parquet-hadoop) in the same JVM run, reported as
 * ratios of median times. Programs, never tests: only a smoke test checks that the suite runs.
 */
package io.deltajdbc.tools.bench;
