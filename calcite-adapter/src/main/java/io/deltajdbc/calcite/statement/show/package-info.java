/**
 * Spark's catalog statements over the warehouse, answered with rows named and formatted as Spark
 * prints them: SHOW TABLES, SHOW SCHEMAS, SHOW COLUMNS, SHOW TBLPROPERTIES, SHOW CREATE TABLE and
 * DESCRIBE TABLE. They read the Delta log only, never a data file.
 */
package io.deltajdbc.calcite.statement.show;
