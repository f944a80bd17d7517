package io.deltajdbc.tools.server;

import io.deltajdbc.tools.server.users.AddUser;
import io.deltajdbc.tools.server.users.AuthScheme;
import io.deltajdbc.tools.server.users.Users;
import io.deltajdbc.tools.server.users.UsersLoginService;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service.RpcMetadataResponse;
import org.apache.calcite.avatica.server.AvaticaHandler;
import org.apache.calcite.avatica.server.AvaticaJsonHandler;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.security.ConstraintMapping;
import org.eclipse.jetty.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.security.authentication.DigestAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.HandlerList;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.security.Constraint;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The network server ({@code tools/bin/delta-server}): an Avatica HTTP server over the driver, for
 * thin clients (Avatica's remote driver, DBeaver's Avatica driver). It serves one or more
 * warehouses, each a catalog; queries run in this process, DML on its Spark backend.
 *
 * <p>Secure by default: it listens on 127.0.0.1; without a users file it serves loopback clients
 * only, unauthenticated, as a local database would, and refuses a non-loopback address; with one,
 * every request authenticates (BASIC or DIGEST) and runs as its user ({@link ServerMeta}). A stop
 * (SIGTERM, {@link #close}) refuses new connections, lets running requests finish within the grace
 * period, then closes every connection.
 */
public final class DeltaServer implements AutoCloseable {
  private final ServerOptions options;
  private final Server jetty;
  private final ServerMeta meta;
  private final AccessLog log;
  private final ServerConnector connector;
  private final PrintStream out;
  private volatile boolean up = true;
  private boolean closed;

  private DeltaServer(
      ServerOptions options,
      Server jetty,
      ServerConnector connector,
      ServerMeta meta,
      AccessLog log,
      PrintStream out) {
    this.options = options;
    this.jetty = jetty;
    this.connector = connector;
    this.meta = meta;
    this.log = log;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("add-user")) {
      System.exit(
          AddUser.run(
              Arrays.asList(args).subList(1, args.length), System.in, System.out, System.err));
    }
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.print(ServerOptions.USAGE);
      return;
    }
    ServerOptions options;
    try {
      options = ServerOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("delta-server: " + e.getMessage());
      System.err.print(ServerOptions.USAGE);
      System.exit(2);
      return;
    }
    DeltaServer server;
    try {
      server = start(options, System.out);
    } catch (IOException | SQLException | RuntimeException e) {
      System.err.println("delta-server: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "delta-server-shutdown"));
    server.jetty.join();
  }

  /**
   * Starts a server with {@code options}; its lines (the URL to connect with) go to {@code out}.
   */
  public static DeltaServer start(ServerOptions options, PrintStream out)
      throws IOException, SQLException {
    Optional<UsersLoginService> users = Optional.empty();
    if (options.users().isPresent()) {
      Users file = Users.read(options.users().get());
      Users.permissionWarning(options.users().get())
          .ifPresent(w -> out.println("delta-server: warning: " + w));
      users =
          Optional.of(new UsersLoginService(UsersLoginService.DEFAULT_REALM, file, options.auth()));
    }
    AccessLog log = AccessLog.open(options.accessLog(), options.logSql(), out);
    List<CatalogMeta> catalogs = new ArrayList<>();
    for (ServedCatalog c : options.catalogs()) {
      catalogs.add(
          new CatalogMeta(
              c,
              driverProperties(options),
              (int) Math.min(Integer.MAX_VALUE, options.limits().statementTimeout().toSeconds())));
    }
    ServerMeta meta = new ServerMeta(catalogs, options.limits(), log);
    DeltaServerConfiguration security = new DeltaServerConfiguration(users, options.auth());
    LocalService service = new LocalService(meta, NoopMetricsSystem.getInstance());
    AvaticaHandler avatica =
        options.serialization() == Serialization.PROTOBUF
            ? new AvaticaProtobufHandler(service, NoopMetricsSystem.getInstance(), security)
            : new AvaticaJsonHandler(service, NoopMetricsSystem.getInstance(), security);

    QueuedThreadPool threads = new QueuedThreadPool(options.limits().maxThreads(), 8, 60_000);
    threads.setName("delta-server");
    Server jetty = new Server(threads);
    ServerConnector connector = connector(jetty, options);
    jetty.addConnector(connector);
    DeltaServer[] self = new DeltaServer[1];
    HandlerList handlers =
        new HandlerList(
            new HealthHandler(
                () -> new HealthHandler.Status(self[0] != null && self[0].up, meta.connections())),
            avatica);
    Handler secured = users.isPresent() ? secured(handlers, users.get(), options.auth()) : handlers;
    RequestGate gate = new RequestGate(log, options.limits().maxRequestBytes());
    gate.setHandler(secured);
    StatisticsHandler stats = new StatisticsHandler();
    stats.setHandler(gate);
    jetty.setHandler(stats);
    jetty.setStopTimeout(options.limits().shutdownGrace().toMillis());
    jetty.setStopAtShutdown(false);
    try {
      jetty.start();
    } catch (Exception e) {
      meta.close();
      log.close();
      throw new IOException(
          "cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage(), e);
    }
    avatica.setServerRpcMetadata(
        new RpcMetadataResponse(options.bind() + ":" + connector.getLocalPort()));
    DeltaServer server = new DeltaServer(options, jetty, connector, meta, log, out);
    self[0] = server;
    server.announce(users.isPresent());
    return server;
  }

  private static ServerConnector connector(Server jetty, ServerOptions options) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(64 * 1024);
    ServerConnector c;
    if (options.tls().isPresent()) {
      ServerOptions.Tls tls = options.tls().get();
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
      ssl.setKeyStorePassword(tls.password());
      ssl.setKeyStoreType(
          tls.keystore().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
      http.addCustomizer(new SecureRequestCustomizer());
      c =
          new ServerConnector(
              jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    } else {
      c = new ServerConnector(jetty, new HttpConnectionFactory(http));
    }
    c.setHost(options.bind());
    c.setPort(options.port());
    c.setIdleTimeout(60_000);
    return c;
  }

  /** Every path but {@code /health} needs an authenticated user of the users file. */
  private static Handler secured(Handler inner, UsersLoginService users, AuthScheme scheme) {
    Constraint auth = new Constraint();
    auth.setName(scheme == AuthScheme.DIGEST ? Constraint.__DIGEST_AUTH : Constraint.__BASIC_AUTH);
    auth.setRoles(new String[] {"read-only", "read-write"});
    auth.setAuthenticate(true);
    ConstraintMapping all = new ConstraintMapping();
    all.setPathSpec("/*");
    all.setConstraint(auth);
    Constraint open = new Constraint();
    open.setName("health");
    open.setAuthenticate(false);
    ConstraintMapping health = new ConstraintMapping();
    health.setPathSpec(HealthHandler.PATH);
    health.setConstraint(open);
    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setConstraintMappings(new ConstraintMapping[] {all, health});
    security.setAuthenticator(
        scheme == AuthScheme.DIGEST ? new DigestAuthenticator() : new BasicAuthenticator());
    security.setRealmName(UsersLoginService.DEFAULT_REALM);
    security.setLoginService(users);
    security.addBean(users);
    security.setHandler(inner);
    return security;
  }

  /**
   * The properties of the driver's connections: the server's {@code --conf} settings, and Avatica's
   * connection and statement caches sized from the limits (so that they never evict a connection in
   * use: the server refuses new ones first), expiring after twice the idle timeout (the server's
   * own sweep closes idle connections at the timeout).
   */
  private static Properties driverProperties(ServerOptions options) {
    ServerLimits l = options.limits();
    Properties p = new Properties();
    p.putAll(options.driverSettings());
    long expiry = Math.max(1, l.idleTimeout().multipliedBy(2).toSeconds());
    p.setProperty(
        JdbcMeta.ConnectionCacheSettings.MAX_CAPACITY.key(),
        Long.toString(l.maxConnections() + 16L));
    p.setProperty(JdbcMeta.ConnectionCacheSettings.EXPIRY_DURATION.key(), Long.toString(expiry));
    p.setProperty(JdbcMeta.ConnectionCacheSettings.EXPIRY_UNIT.key(), "SECONDS");
    p.setProperty(
        JdbcMeta.StatementCacheSettings.MAX_CAPACITY.key(),
        Long.toString((long) l.maxConnections() * (l.maxStatementsPerConnection() + 256L)));
    p.setProperty(JdbcMeta.StatementCacheSettings.EXPIRY_DURATION.key(), Long.toString(expiry));
    p.setProperty(JdbcMeta.StatementCacheSettings.EXPIRY_UNIT.key(), "SECONDS");
    return p;
  }

  private void announce(boolean authenticated) {
    out.println(
        "delta-server: serving "
            + options.catalogs().stream()
                .map(c -> c.name() + " = " + c.root())
                .collect(Collectors.joining(", "))
            + " (default catalog: "
            + options.catalogs().get(0).name()
            + ")");
    out.println(
        "delta-server: listening on "
            + options.bind()
            + ":"
            + connector.getLocalPort()
            + " ("
            + options.scheme()
            + ", "
            + options.serialization().name().toLowerCase(Locale.ROOT)
            + ", "
            + (authenticated
                ? options.auth().name() + " authentication from " + options.users().get()
                : "no authentication: loopback clients only")
            + ")");
    out.println("delta-server: connect with " + jdbcUrl());
    out.println("delta-server: health at " + baseUrl() + HealthHandler.PATH);
    out.flush();
  }

  /** The address the server listens on, as bound. */
  public InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
  }

  /** {@code http://host:port}. */
  public String baseUrl() {
    String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
    return options.scheme() + "://" + host + ":" + connector.getLocalPort();
  }

  /** The URL of Avatica's remote driver for this server (credentials to add where needed). */
  public String jdbcUrl() {
    String url =
        "jdbc:avatica:remote:url="
            + baseUrl()
            + ";serialization="
            + options.serialization().name().toLowerCase(Locale.ROOT);
    if (options.users().isPresent()) {
      url += ";authentication=" + options.auth().name();
    }
    return url;
  }

  /**
   * Stops: no new connections, running requests finish within the grace period, then every
   * connection is closed.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    up = false;
    meta.stopAccepting();
    out.println("delta-server: stopping (grace " + options.limits().shutdownGrace() + ")");
    try {
      jetty.stop();
    } catch (Exception e) {
      out.println("delta-server: stopping the HTTP server: " + e);
    }
    meta.close();
    try {
      log.close();
    } catch (IOException e) {
      // the process ends
    }
    out.println("delta-server: stopped");
    out.flush();
  }
}
