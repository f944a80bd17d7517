/**
 * The network server for remote JDBC: an Apache Calcite Avatica HTTP server over the delta-jdbc
 * driver, secure by default.
 *
 * <p>{@link io.deltajdbc.tools.server.DeltaServer} is the process ({@code tools/bin/delta-server});
 * {@link io.deltajdbc.tools.server.ServerOptions} its command line. Requests pass Jetty (TLS, BASIC
 * or DIGEST authentication from the users file of {@code io.deltajdbc.tools.server.users}), then
 * Avatica's protobuf or JSON handler, which runs each call as its authenticated user ({@link
 * io.deltajdbc.tools.server.CallerScope}) on {@link io.deltajdbc.tools.server.ServerMeta}: the one
 * place that decides what a caller may do (its connections and statements only, its catalogs,
 * read-only users, the client property allow-list of {@link
 * io.deltajdbc.tools.server.ClientProperties}, the limits of {@link
 * io.deltajdbc.tools.server.ServerLimits}) before Avatica's {@code JdbcMeta} runs the call on a
 * driver connection of the served warehouse. {@link io.deltajdbc.tools.server.AccessLog} writes one
 * JSON line per statement.
 */
package io.deltajdbc.tools.server;
