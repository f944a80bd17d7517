/**
 * Attacks on the warehouse boundary through plain JDBC: names that are paths, URIs or links, and
 * DROP TABLE over files a table does not own. Each asserts the SQLState the user sees and that
 * nothing outside the warehouse changed.
 */
package io.deltajdbc.jdbc.security;
