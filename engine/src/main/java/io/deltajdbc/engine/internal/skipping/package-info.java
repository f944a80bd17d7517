/**
 * Data skipping (protocol: "Per-file Statistics"): a file is left out of a scan when its
 * numRecords, minValues, maxValues and nullCount prove that no row in it can match the filter.
 */
package io.deltajdbc.engine.internal.skipping;
