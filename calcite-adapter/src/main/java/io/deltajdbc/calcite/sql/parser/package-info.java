/**
 * The SQL parser, {@code DeltaSqlParserImpl}: generated at build time from Calcite's grammar
 * template and {@code src/main/codegen} (FMPP, then JavaCC).
 */
package io.deltajdbc.calcite.sql.parser;
