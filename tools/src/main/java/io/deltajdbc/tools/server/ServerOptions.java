package io.deltajdbc.tools.server;

import io.deltajdbc.tools.server.users.AuthScheme;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.remote.Driver.Serialization;

/**
 * The server's command line, checked: what it serves, where it listens, who may connect, and its
 * limits.
 *
 * @param catalogs the warehouses served, the default first
 * @param bind the address to listen on (loopback unless said otherwise)
 * @param port the port, 0 for a free one
 * @param users the users file; without one only loopback clients connect, unauthenticated
 * @param auth how users authenticate (BASIC or DIGEST)
 * @param tls the keystore for HTTPS, if any
 * @param serialization Avatica's wire format
 * @param driverSettings server-side driver properties ({@code spark.master}, {@code spark.*},
 *     {@code deltajdbc.*}), never a client's
 * @param limits the limits
 * @param accessLog the access log's file, or {@code -} for standard output
 * @param logSql whether the access log holds statement texts (never parameter values)
 * @param insecureHttp allow BASIC authentication over plain HTTP on a non-loopback address
 */
public record ServerOptions(
    List<ServedCatalog> catalogs,
    String bind,
    int port,
    Optional<Path> users,
    AuthScheme auth,
    Optional<Tls> tls,
    Serialization serialization,
    Map<String, String> driverSettings,
    ServerLimits limits,
    String accessLog,
    boolean logSql,
    boolean insecureHttp) {

  /** The usage text. */
  public static final String USAGE =
      """
      usage: delta-server <warehouse | name=warehouse>... [options]
             delta-server add-user --users FILE --user NAME --access read-only|read-write [--catalogs a,b|*] [--password-stdin]
        The first warehouse is the default catalog; clients choose another with the property catalog=name.
        --bind ADDRESS                     listen address (default 127.0.0.1; a non-loopback one needs --users)
        --port N                           port (default 8765; 0 picks a free one)
        --users FILE                       users file (add-user writes it); without it only loopback clients
        --auth basic|digest                authentication with --users (default basic)
        --tls-keystore FILE                serve HTTPS with this PKCS12 or JKS keystore
        --tls-password-file FILE           the keystore's password (first line)
        --serialization protobuf|json      wire format (default protobuf)
        --conf KEY=VALUE                   server-side driver property: spark.master, spark.*, deltajdbc.*
        --max-connections N                connections open at once (default 128)
        --max-connections-per-user N       per user (default 16)
        --max-statements-per-connection N  statements open on one connection (default 100)
        --idle-timeout DURATION            close a connection idle this long (default 10m)
        --statement-timeout DURATION       query timeout of every statement (default 10m; 0 none)
        --max-rows-per-fetch N             rows per frame sent to a client (default 10000)
        --threads N                        HTTP threads (default 64)
        --shutdown-grace DURATION          time running statements get to finish on stop (default 30s)
        --access-log FILE|-                JSON lines, one per statement (default -: standard output)
        --log-sql                          put statement texts in the access log (never parameter values)
        --insecure-http                    allow BASIC over plain HTTP on a non-loopback address
        DURATION: 500ms, 30s, 10m, 2h or ISO-8601 (PT30S)
      """;

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  /**
   * The keystore of HTTPS.
   *
   * @param keystore the PKCS12 or JKS file
   * @param password its password
   */
  public record Tls(Path keystore, String password) {
    @Override
    public String toString() {
      return "Tls[keystore=" + keystore + "]";
    }
  }

  public ServerOptions {
    catalogs = List.copyOf(catalogs);
    driverSettings = Map.copyOf(driverSettings);
    if (catalogs.isEmpty()) {
      throw new IllegalArgumentException("No warehouse to serve");
    }
  }

  /** Options from the command line; {@link IllegalArgumentException} says what is wrong. */
  public static ServerOptions parse(List<String> args) {
    List<ServedCatalog> catalogs = new ArrayList<>();
    String bind = "127.0.0.1";
    int port = 8765;
    Path users = null;
    AuthScheme auth = AuthScheme.BASIC;
    Path keystore = null;
    Path passwordFile = null;
    Serialization serialization = Serialization.PROTOBUF;
    Map<String, String> settings = new LinkedHashMap<>();
    ServerLimits d = ServerLimits.defaults();
    int maxConnections = d.maxConnections();
    int perUser = d.maxConnectionsPerUser();
    int statements = d.maxStatementsPerConnection();
    Duration idle = d.idleTimeout();
    Duration statementTimeout = d.statementTimeout();
    int rows = d.maxRowsPerFetch();
    int threads = d.maxThreads();
    Duration grace = d.shutdownGrace();
    String accessLog = "-";
    boolean logSql = false;
    boolean insecure = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        catalogs.add(catalog(a, catalogs.isEmpty()));
        continue;
      }
      switch (a) {
        case "--log-sql" -> logSql = true;
        case "--insecure-http" -> insecure = true;
        default -> {
          if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(a + " needs a value");
          }
          String v = args.get(++i);
          switch (a) {
            case "--bind" -> bind = v;
            case "--port" -> port = integer(a, v, 0, 65535);
            case "--users" -> users = Path.of(v);
            case "--auth" -> auth = scheme(v);
            case "--tls-keystore" -> keystore = Path.of(v);
            case "--tls-password-file" -> passwordFile = Path.of(v);
            case "--serialization" -> serialization = serialization(v);
            case "--conf" -> setting(settings, v);
            case "--max-connections" -> maxConnections = integer(a, v, 1, 100_000);
            case "--max-connections-per-user" -> perUser = integer(a, v, 1, 100_000);
            case "--max-statements-per-connection" -> statements = integer(a, v, 1, 1_000_000);
            case "--idle-timeout" -> idle = duration(a, v);
            case "--statement-timeout" -> statementTimeout = duration(a, v);
            case "--max-rows-per-fetch" -> rows = integer(a, v, 1, 10_000_000);
            case "--threads" -> threads = integer(a, v, 8, 10_000);
            case "--shutdown-grace" -> grace = duration(a, v);
            case "--access-log" -> accessLog = v;
            default -> throw new IllegalArgumentException("Unknown option " + a);
          }
        }
      }
    }
    if (catalogs.isEmpty()) {
      throw new IllegalArgumentException("Name the warehouse to serve");
    }
    if (catalogs.stream().map(ServedCatalog::name).distinct().count() != catalogs.size()) {
      throw new IllegalArgumentException("Two warehouses are served under one catalog name");
    }
    Optional<Tls> tls = Optional.empty();
    if (keystore != null) {
      if (passwordFile == null) {
        throw new IllegalArgumentException("--tls-keystore needs --tls-password-file");
      }
      tls = Optional.of(new Tls(keystore, firstLine(passwordFile)));
    } else if (passwordFile != null) {
      throw new IllegalArgumentException("--tls-password-file without --tls-keystore");
    }
    ServerLimits limits =
        new ServerLimits(
            maxConnections,
            perUser,
            statements,
            idle,
            statementTimeout,
            rows,
            threads,
            d.maxRequestBytes(),
            grace);
    ServerOptions o =
        new ServerOptions(
            catalogs,
            bind,
            port,
            Optional.ofNullable(users),
            auth,
            tls,
            serialization,
            settings,
            limits,
            accessLog,
            logSql,
            insecure);
    o.checkExposure();
    return o;
  }

  /** Whether the listen address is a loopback one. */
  public boolean loopbackOnly() {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Unknown --bind address " + bind, e);
    }
  }

  /** The client URL's scheme. */
  String scheme() {
    return tls.isPresent() ? "https" : "http";
  }

  /**
   * Secure by default: a non-loopback address needs a users file, and BASIC passwords there need
   * TLS unless {@code --insecure-http} says otherwise.
   */
  private void checkExposure() {
    if (loopbackOnly()) {
      return;
    }
    if (users.isEmpty()) {
      throw new IllegalArgumentException(
          "Refusing to listen on "
              + bind
              + " without --users: without a users file the server serves loopback clients only");
    }
    if (auth == AuthScheme.BASIC && tls.isEmpty() && !insecureHttp) {
      throw new IllegalArgumentException(
          "Refusing BASIC authentication over plain HTTP on "
              + bind
              + ": passwords would cross the network readable; add --tls-keystore, use --auth"
              + " digest, or say --insecure-http");
    }
  }

  private static ServedCatalog catalog(String arg, boolean first) {
    int eq = arg.indexOf('=');
    if (eq > 0 && !arg.startsWith("/") && !arg.contains(":")) {
      return new ServedCatalog(arg.substring(0, eq), warehouse(arg.substring(eq + 1)));
    }
    if (!first) {
      throw new IllegalArgumentException(
          "A second warehouse needs a catalog name: name=" + arg + " (the first is 'default')");
    }
    return new ServedCatalog("default", warehouse(arg));
  }

  private static Path warehouse(String path) {
    Path p = Path.of(path).toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException("Warehouse " + p + " is not a directory");
    }
    return p;
  }

  private static void setting(Map<String, String> settings, String kv) {
    int eq = kv.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("--conf takes KEY=VALUE, not " + kv);
    }
    String key = kv.substring(0, eq);
    if (!key.startsWith("spark.") && !key.startsWith("deltajdbc.")) {
      throw new IllegalArgumentException(
          "--conf " + key + ": only spark.* and deltajdbc.* driver properties are set here");
    }
    settings.put(key, kv.substring(eq + 1));
  }

  private static AuthScheme scheme(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "basic" -> AuthScheme.BASIC;
      case "digest" -> AuthScheme.DIGEST;
      default -> throw new IllegalArgumentException("--auth is basic or digest, not " + v);
    };
  }

  private static Serialization serialization(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "protobuf" -> Serialization.PROTOBUF;
      case "json" -> Serialization.JSON;
      default ->
          throw new IllegalArgumentException("--serialization is protobuf or json, not " + v);
    };
  }

  private static int integer(String option, String v, int min, int max) {
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new IllegalArgumentException(option + " is between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a number, not " + v, e);
    }
  }

  /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 0} or ISO-8601. */
  static Duration duration(String option, String v) {
    if (v.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      return Duration.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " takes a duration (500ms, 30s, 10m, 2h, PT30S), not " + v, e);
    }
  }

  private static String firstLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || lines.get(0).isEmpty()) {
        throw new IllegalArgumentException("The password file " + file + " is empty");
      }
      return lines.get(0);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the password file " + file + ": " + e, e);
    }
  }
}
