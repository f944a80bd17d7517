package io.deltajdbc.engine.utilities;

/**
 * What CONVERT TO DELTA did: the version it committed (0) and the Parquet files it added, or, when
 * the folder already was a Delta table, nothing ({@code alreadyDelta}, the table's latest version,
 * no files).
 */
public record ConvertResult(long version, long numConvertedFiles, boolean alreadyDelta) {}
