/**
 * The implementations of the table utilities ({@link io.deltajdbc.engine.utilities}): history from
 * the commit files, details from the latest snapshot, VACUUM's listing and deletion, RESTORE's diff
 * against an older version, and CONVERT TO DELTA's listing, footer schemas and version 0.
 */
package io.deltajdbc.engine.internal.utilities;
