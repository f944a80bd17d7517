/**
 * The change data feed's reader: the range resolved to versions and checked as delta-spark's {@code
 * CDCReader} does, each commit's changes planned from its {@code cdc} files or else its add and
 * remove files (deletion vectors compared where a file is removed and re-added), and the planned
 * files read into change rows.
 */
package io.deltajdbc.engine.internal.changes;
