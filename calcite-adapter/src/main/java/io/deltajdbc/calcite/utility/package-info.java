/**
 * The metadata tables of a Delta table, looked up by name beside it: {@code "orders$history"}
 * (DESCRIBE HISTORY's rows) and {@code "orders$detail"} (DESCRIBE DETAIL's), read from the log by
 * the engine's utilities each time a statement scans them.
 */
package io.deltajdbc.calcite.utility;
