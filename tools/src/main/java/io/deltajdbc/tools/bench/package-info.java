/**
 * Benchmarks that measure delta-jdbc against a peer (delta-spark) in the same run and report
 * ratios; they are programs, never tests.
 */
package io.deltajdbc.tools.bench;
