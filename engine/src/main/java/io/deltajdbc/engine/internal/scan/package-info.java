/**
 * Scans: from a snapshot, a projection and a filter to the files to read (partition pruning,
 * statistics skipping) and to the matching rows (Parquet, partition values, deletion vectors).
 */
package io.deltajdbc.engine.internal.scan;
