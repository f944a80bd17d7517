/**
 * Security tests of the driver as a user sees it through plain JDBC, one class per section of the
 * safety issue: no statement leaves the warehouse, runs code it was not meant to, changes rows its
 * WHERE does not select, loses a value or a version silently, or takes the JVM down; each attack
 * fails with an SQLState and changes nothing.
 */
package io.deltajdbc.jdbc.security;
