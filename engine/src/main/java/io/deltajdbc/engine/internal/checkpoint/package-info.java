/**
 * Reading checkpoints: classic, multi-part and V2 with sidecars (protocol: "Checkpoints"). Their
 * Parquet files are decoded column by column ({@code columnar}); the row reader stays for files of
 * other encodings and for the second pass over {@code add.stats_parsed}.
 */
package io.deltajdbc.engine.internal.checkpoint;
