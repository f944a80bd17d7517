/**
 * Writes of SQL statements into Delta tables through the engine's transactions: INSERT rows as
 * computed by Calcite, batches of prepared-statement executions as one commit.
 */
package io.deltajdbc.calcite.write;
