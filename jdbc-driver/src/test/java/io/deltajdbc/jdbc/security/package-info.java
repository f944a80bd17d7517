/**
 * Security tests of the driver as a user sees it (plain JDBC): a statement cannot take the JVM
 * down, run on after it was stopped, or leave files behind that a later VACUUM would miss.
 */
package io.deltajdbc.jdbc.security;
