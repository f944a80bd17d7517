/**
 * DDL on a warehouse of Delta tables: CREATE TABLE (with columns or AS a query), DROP TABLE,
 * TRUNCATE TABLE and ALTER TABLE, each one Delta commit (or, for DROP, the removal of the table's
 * directory). A CHECK constraint is stored as the Spark SQL text Delta keeps ({@code
 * SparkSqlText}).
 */
package io.deltajdbc.calcite.statement.ddl;
