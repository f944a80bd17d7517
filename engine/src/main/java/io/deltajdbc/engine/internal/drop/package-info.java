/**
 * DROP TABLE's file logic: which files a table's log names ({@link
 * io.deltajdbc.engine.internal.drop.OwnedFileCollector}), and deleting exactly those, the log and
 * the change data, never following a symbolic link ({@link
 * io.deltajdbc.engine.internal.drop.TableDeleter}).
 */
package io.deltajdbc.engine.internal.drop;
