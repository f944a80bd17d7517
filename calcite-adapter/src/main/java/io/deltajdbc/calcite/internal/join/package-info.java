/**
 * Join planning beyond Calcite's default rules: conditions rewritten so that equalities become
 * hash-join keys, the planning program that orders multi-way joins, and the metadata joins are
 * planned with (distinct values of scanned columns, join sizes from them, the cost of hash joins).
 */
package io.deltajdbc.calcite.internal.join;
