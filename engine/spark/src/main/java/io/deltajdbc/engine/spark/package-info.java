/**
 * The Apache Spark execution backend of DML. Spark finds the rows a statement touches and computes
 * the new rows; the engine's own Parquet reader and writer run inside Spark tasks (Spark's Parquet
 * reader knows neither column mapping nor deletion vectors nor partition values kept in the log);
 * the driver stages removes and adds in one engine transaction, which stays the only committer.
 * Spark starts lazily, on the first statement that needs it, as one session per JVM.
 *
 * <p>Reading: {@link io.deltajdbc.engine.spark.FileScan}. Writing with table rules: {@link
 * io.deltajdbc.engine.spark.StoreAssignment}, {@link io.deltajdbc.engine.spark.WritePlan}.
 * Statements: {@link io.deltajdbc.engine.spark.DeleteCommand}, {@link
 * io.deltajdbc.engine.spark.UpdateCommand}, {@link io.deltajdbc.engine.spark.MergeCommand}.
 *
 * <p>Security: statements run on a {@link io.deltajdbc.engine.spark.ClosedSession} (no SQL on file
 * paths, no variable substitution, no reflection functions), and every Spark SQL text, of a
 * statement or of a table's CHECK constraints, passes the {@link
 * io.deltajdbc.engine.spark.SparkSqlGuard} before Spark evaluates it.
 */
package io.deltajdbc.engine.spark;
