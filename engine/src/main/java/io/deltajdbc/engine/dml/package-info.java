/**
 * Row-level DML (DELETE, UPDATE, MERGE) on Delta tables: what a statement asks for, as plain
 * records, and the {@link io.deltajdbc.engine.dml.DmlExecutor} that runs it. Conditions and
 * assignments are Spark SQL expression text over the table's logical column names, or calls of the
 * caller's own {@link io.deltajdbc.engine.dml.DmlFunction}s (then the caller's SQL semantics hold,
 * and no expression text of a user reaches Spark); the executor finds and rewrites rows on an
 * execution backend (Apache Spark), while the engine's transaction stays the only committer.
 * Nothing here refers to Spark types, so callers compile without Spark. {@link
 * io.deltajdbc.engine.dml.SparkSqlAllowList} is the one list of what such text may call, shared by
 * the executor's guard and by callers that check text where it enters (CHECK constraints).
 */
package io.deltajdbc.engine.dml;
