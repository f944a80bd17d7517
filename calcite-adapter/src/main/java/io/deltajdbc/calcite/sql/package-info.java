/**
 * The grammar and the prepare hook: Delta SQL as Calcite parses it ({@code sql.parser}, generated
 * from Calcite's grammar and ours; its own statements in {@code sql.ast}), the rewrite of
 * Spark-style backtick identifiers and time travel ({@code t@v3}, {@code t VERSION AS OF 3}) on the
 * token stream before parsing, and {@link io.deltajdbc.calcite.sql.DeltaPrepare}, which sends a
 * statement either through Calcite's planner (queries, INSERT, UPDATE, DELETE, with the rules of
 * {@code rel}) or to {@code statement} (DDL, MERGE, SHOW and the rest).
 */
package io.deltajdbc.calcite.sql;
