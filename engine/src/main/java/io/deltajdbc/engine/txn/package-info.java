/**
 * Writing to a table: optimistic transactions that commit a new log version with create-if-absent,
 * check a lost race against the winning commits with Delta's conflict rules, and retry; the typed
 * conflicts they raise; and the description of a table to create.
 */
package io.deltajdbc.engine.txn;
