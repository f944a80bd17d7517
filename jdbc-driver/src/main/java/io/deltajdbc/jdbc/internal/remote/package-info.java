/**
 * The thin client: {@code jdbc:delta://host[:port][/catalog]} URLs, answered by a delta-server
 * (tools) through Avatica's remote driver. {@link io.deltajdbc.jdbc.internal.remote.RemoteUrl}
 * turns such a URL and its properties into the remote driver's; {@link
 * io.deltajdbc.jdbc.internal.remote.RemoteServiceFactory} gives it a protobuf service whose wire
 * names are Avatica's even inside the standalone jar, where Avatica's classes are relocated.
 */
package io.deltajdbc.jdbc.internal.remote;
