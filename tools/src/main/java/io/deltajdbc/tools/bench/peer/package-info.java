/**
 * The peers we are measured against, each used the way its own documentation shows: delta-spark SQL
 * and {@code DeltaLog} on an embedded SparkSession, delta-kernel-defaults' {@code Table} and scan
 * files, and parquet-hadoop's column readers over the same data files (the limit for a scan).
 */
package io.deltajdbc.tools.bench.peer;
