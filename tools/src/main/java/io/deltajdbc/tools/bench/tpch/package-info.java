/**
 * TPC-H over Delta tables written by delta-spark: the eight tables at a scale factor and the 22
 * queries, for the benchmark and its answers test.
 */
package io.deltajdbc.tools.bench.tpch;
