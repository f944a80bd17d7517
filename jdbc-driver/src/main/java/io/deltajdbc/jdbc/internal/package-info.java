/**
 * URL parsing, connection set-up, the connection's auto-commit contract, metadata as tools display
 * it (type names, sizes, catalog listings, driver properties) and error translation behind the
 * driver. Calcite's JDBC layer is reached through its public extension points only: the JDBC
 * factory ({@link DeltaJdbcFactory}), a {@code Meta} that delegates to Calcite's ({@link
 * DeltaMeta}) and a {@code DatabaseMetaData} subclass ({@link DeltaDatabaseMetaData}).
 */
package io.deltajdbc.jdbc.internal;
