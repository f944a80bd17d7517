/**
 * Security tests of the driver as a user sees it through plain JDBC: a damaged log or an
 * out-of-range value fails with an SQLState and a message naming the file, table or column, and
 * changes nothing.
 */
package io.deltajdbc.jdbc.security;
