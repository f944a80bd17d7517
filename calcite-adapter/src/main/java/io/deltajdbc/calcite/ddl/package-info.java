/**
 * DDL on a warehouse of Delta tables: CREATE TABLE (with columns or AS a query), DROP TABLE,
 * TRUNCATE TABLE and ALTER TABLE, each one Delta commit (or, for DROP, the removal of the table's
 * directory).
 */
package io.deltajdbc.calcite.ddl;
