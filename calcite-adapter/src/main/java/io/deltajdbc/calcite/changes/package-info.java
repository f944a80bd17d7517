/**
 * delta-spark's {@code table_changes('t', start [, end])} in SQL: a table macro over the engine's
 * change data feed ({@link io.deltajdbc.engine.DeltaTable#changes}), whose rows are the table's
 * columns plus {@code _change_type}, {@code _commit_version} and {@code _commit_timestamp}, read
 * each time the statement runs (so a poller re-executing it sees new commits).
 */
package io.deltajdbc.calcite.changes;
