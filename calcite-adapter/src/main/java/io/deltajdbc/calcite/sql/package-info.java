/**
 * The SQL dialect around Calcite's parser: Spark-style backtick identifiers and Delta's time-travel
 * forms ({@code t@v3}, {@code t VERSION AS OF 3}, {@code t TIMESTAMP AS OF '...'}), rewritten on
 * the token stream into quoted table names before Calcite parses the statement.
 */
package io.deltajdbc.calcite.sql;
