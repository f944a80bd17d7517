/**
 * The implementations of the table utilities ({@link io.deltajdbc.engine.utilities}): history from
 * the commit files, details from the latest snapshot, VACUUM's listing and deletion, RESTORE's diff
 * against an older version, CONVERT TO DELTA's listing, footer schemas and version 0, SHALLOW
 * CLONE's version of absolute adds, and CREATE OR REPLACE TABLE's replacing commit.
 */
package io.deltajdbc.engine.internal.utilities;
