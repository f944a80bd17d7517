/**
 * Parse trees of the Delta and Spark statements the parser adds to Calcite's grammar (CREATE, DROP,
 * TRUNCATE and ALTER TABLE, INSERT OVERWRITE, MERGE, Spark's SHOW and DESCRIBE), and the type names
 * of column definitions.
 */
package io.deltajdbc.calcite.sql.ast;
