/**
 * The workloads of the benchmark suite, each timing delta-jdbc against its peers on the same data
 * in the same JVM, and checking that every side computed the same answer.
 */
package io.deltajdbc.tools.bench.workload;
