/**
 * The JDBC driver for {@code jdbc:delta:<warehouse>[;key=value]*} URLs: Calcite and Avatica
 * underneath, Delta's tables and time travel on top, SQLStates on every error.
 */
package io.deltajdbc.jdbc;
