/**
 * Delta's table utilities as delta-spark 3.2.1 defines them: the history of a table (DESCRIBE
 * HISTORY), its details (DESCRIBE DETAIL), VACUUM, RESTORE, OPTIMIZE, SHALLOW CLONE and CONVERT TO
 * DELTA. Each is one method of {@link io.deltajdbc.engine.DeltaTable} ({@code history}, {@code
 * detail}, {@code vacuum}, {@code restore}, {@code optimize}, {@code shallowClone}, the static
 * {@code convertToDelta}) taking and returning the records of this package, so that a SQL layer
 * maps a statement to a call and a record to a result row. The ones that write commit through the
 * engine's transactions like any other operation, under the names of {@link
 * io.deltajdbc.engine.txn.OperationName}.
 */
package io.deltajdbc.engine.utilities;
