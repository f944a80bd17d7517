/**
 * Reading and writing a table's data files, for callers that run their own execution (the Spark DML
 * backend runs these inside its tasks). {@link io.deltajdbc.engine.files.TableFiles} is the
 * serializable handle of one table version's files: it opens a {@link
 * io.deltajdbc.engine.files.DataFileReader} (logical rows of the read columns, with column mapping,
 * partition values from the log and deletion vectors applied), a {@link
 * io.deltajdbc.engine.files.DataFileWriter} (Parquet files with statistics, as adds), and reads and
 * writes deletion vectors ({@link io.deltajdbc.engine.files.RoaringBitmapArray}, the protocol's
 * bitmap format).
 */
package io.deltajdbc.engine.files;
