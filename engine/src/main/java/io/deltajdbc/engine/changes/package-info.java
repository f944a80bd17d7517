/**
 * The change data feed (protocol: "Change Data Files"; delta-spark 3.2.1's {@code table_changes}):
 * {@link io.deltajdbc.engine.DeltaTable#changes} reads the row-level changes of a range of versions
 * ({@link io.deltajdbc.engine.changes.ChangeRange}) as rows of the table's columns plus {@link
 * io.deltajdbc.engine.changes.ChangeColumns#CHANGE_TYPE}, {@link
 * io.deltajdbc.engine.changes.ChangeColumns#COMMIT_VERSION} and {@link
 * io.deltajdbc.engine.changes.ChangeColumns#COMMIT_TIMESTAMP}.
 */
package io.deltajdbc.engine.changes;
