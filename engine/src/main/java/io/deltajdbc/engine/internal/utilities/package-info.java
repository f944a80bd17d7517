/**
 * The implementations of the table utilities ({@link io.deltajdbc.engine.utilities}): history from
 * the commit files, details from the latest snapshot, VACUUM's listing and deletion, and RESTORE's
 * diff against an older version.
 */
package io.deltajdbc.engine.internal.utilities;
