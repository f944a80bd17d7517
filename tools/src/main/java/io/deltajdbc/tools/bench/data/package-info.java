/**
 * The benchmark data sets, written by our engine from a seed (the same seed gives the same rows)
 * and kept between runs in a data directory: a TPC-H-like {@code lineitem}, a long-log table and a
 * wide catalog.
 */
package io.deltajdbc.tools.bench.data;
