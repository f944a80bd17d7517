/**
 * The run time of scans and aggregates on column batches: expressions and predicates compiled from
 * Calcite's row expressions and evaluated batch by batch over selection vectors, hash aggregation
 * with partial states per split, and the bounded parallel execution of a scan's splits.
 */
package io.deltajdbc.calcite.exec;
