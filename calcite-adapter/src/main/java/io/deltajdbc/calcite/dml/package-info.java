/**
 * What UPDATE, DELETE and MERGE hand to the engine's DML executor: their conditions and values
 * planned by Calcite ({@link io.deltajdbc.calcite.dml.DmlPlanner}) and compiled as Calcite compiles
 * a query's ({@link io.deltajdbc.calcite.dml.StatementExpressions}), as functions the executor
 * calls on each row in its tasks; uncorrelated subqueries evaluated first ({@link
 * io.deltajdbc.calcite.dml.Subqueries}); the engine predicate that prunes files; and the executor
 * configured from the connection's {@code spark.*} properties. {@code SparkSqlText} writes a CHECK
 * constraint as the Spark SQL Delta stores.
 */
package io.deltajdbc.calcite.dml;
