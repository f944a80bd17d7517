/**
 * Logging of the standalone driver jar: its relocated copy of SLF4J (the API the engine, Calcite
 * and the bundled libraries log through) is bound here to {@code java.util.logging}, the logging
 * every JVM has and every JDBC client can configure or bridge. Only the standalone jar registers
 * this binding (its service file is added by the shade plugin); on an ordinary class path the
 * application's own SLF4J binding decides.
 */
package io.deltajdbc.jdbc.internal.logging;
