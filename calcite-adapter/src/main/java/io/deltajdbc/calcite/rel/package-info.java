/**
 * The adapter's convention, after Calcite's arrow adapter: {@link
 * io.deltajdbc.calcite.rel.DeltaTableScan} in the {@code DELTA} convention absorbs projections,
 * filters and COUNT(*) through {@link io.deltajdbc.calcite.rel.DeltaRules}, and {@link
 * io.deltajdbc.calcite.rel.DeltaToEnumerableConverter} runs it as an engine scan.
 */
package io.deltajdbc.calcite.rel;
