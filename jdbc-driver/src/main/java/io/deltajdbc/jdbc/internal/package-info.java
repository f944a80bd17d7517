/**
 * URL parsing, connection set-up, the connection's auto-commit contract, metadata as tools display it
 * (type names, sizes, catalog listings, driver properties) and error translation behind the driver.
 */
package io.deltajdbc.jdbc.internal;
