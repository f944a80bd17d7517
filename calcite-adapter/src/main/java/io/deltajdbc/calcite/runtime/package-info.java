/**
 * What runs when a statement is executed. {@link io.deltajdbc.calcite.runtime.DeltaWrites}: the
 * rows of an INSERT, as Calcite computed them, written and committed through the engine's
 * transactions (a JDBC batch as one commit). {@link io.deltajdbc.calcite.runtime.RowChanges}: an
 * UPDATE or DELETE as planned, its sub-queries' values put in, run by the engine's DML executor
 * (Spark). For those and MERGE, {@link io.deltajdbc.calcite.runtime.StatementExpressions} turns
 * conditions and values, planned by Calcite as a query's are, into functions running Calcite's
 * compiled code that the executor calls on each row, so that no text of a statement is parsed by
 * Spark, and into the engine predicate that prunes files.
 */
package io.deltajdbc.calcite.runtime;
