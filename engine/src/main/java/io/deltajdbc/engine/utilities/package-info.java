/**
 * Delta's table utilities as delta-spark 3.2.1 defines them: the history of a table (DESCRIBE
 * HISTORY), its details (DESCRIBE DETAIL), VACUUM and RESTORE. Each is one method of {@link
 * io.deltajdbc.engine.DeltaTable} taking and returning the records of this package, so that a SQL
 * layer maps a statement to a call and a record to a row; the ones that write commit through the
 * engine's transactions like any other operation.
 */
package io.deltajdbc.engine.utilities;
