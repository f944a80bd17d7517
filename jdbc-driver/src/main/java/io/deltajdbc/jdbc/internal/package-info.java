/** URL parsing, connection set-up, metadata and error translation behind the driver. */
package io.deltajdbc.jdbc.internal;
