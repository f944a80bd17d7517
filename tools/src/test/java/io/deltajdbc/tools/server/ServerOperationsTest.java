package io.deltajdbc.tools.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process run as an operator runs it: TLS from a keystore made with {@code keytool}, JSON
 * serialization, frames cut to {@code --max-rows-per-fetch}, idle connections closed, and SIGTERM
 * letting a running statement finish. Every request has a timeout, so a server that stops answering
 * fails the test instead of hanging it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServerOperationsTest {
  static final int ROWS = 23;
  static final int FRAME = 5;

  /** Rows of {@code big}: its three-way cross join (27 million rows) runs for seconds. */
  static final int BIG = 300;

  static final int TIMEOUT_MS = 20_000;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path truststore;
  static SSLContext trusting;
  static DeltaServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    Path warehouse = Files.createDirectories(dir.resolve("wh"));
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + warehouse);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, v STRING)");
      StringBuilder values = new StringBuilder();
      for (int i = 1; i <= ROWS; i++) {
        values
            .append(i == 1 ? "" : ", ")
            .append("(")
            .append(i)
            .append(", 'v")
            .append(i)
            .append("')");
      }
      s.execute("INSERT INTO t VALUES " + values);
      s.execute("CREATE TABLE big (k INT)");
      StringBuilder keys = new StringBuilder();
      for (int i = 0; i < BIG; i++) {
        keys.append(i == 0 ? "" : ", ").append("(").append(i).append(")");
      }
      s.execute("INSERT INTO big VALUES " + keys);
    }
    Path keystore = dir.resolve("server.p12");
    Path certificate = dir.resolve("server.cer");
    truststore = dir.resolve("trust.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "delta",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "keystore-secret",
        "-keypass",
        "keystore-secret");
    keytool(
        "-exportcert",
        "-alias",
        "delta",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "keystore-secret",
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "delta",
        "-file",
        certificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        truststore.toString(),
        "-storepass",
        "trust-secret");
    Path passwordFile = dir.resolve("keystore.password");
    Files.writeString(passwordFile, "keystore-secret\n");
    trusting = trusting(truststore, "trust-secret");
    server =
        DeltaServerProcess.start(
            dir.resolve("server.log"),
            "1g",
            List.of(
                warehouse.toString(),
                "--port",
                "0",
                "--tls-keystore",
                keystore.toString(),
                "--tls-password-file",
                passwordFile.toString(),
                "--serialization",
                "json",
                "--max-rows-per-fetch",
                Integer.toString(FRAME),
                "--idle-timeout",
                "3s",
                "--shutdown-grace",
                "60s"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(1, TimeUnit.MINUTES), "keytool did not finish");
    assertEquals(0, p.exitValue(), "keytool " + String.join(" ", args) + ":\n" + output);
  }

  static SSLContext trusting(Path store, String password) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, password.toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }

  /** Avatica's remote driver over TLS, trusting the test's certificate, with HTTP timeouts. */
  static Connection remote() throws Exception {
    return DriverManager.getConnection(
        server.url()
            + ";truststore="
            + truststore
            + ";truststore_password=trust-secret;http_connection_timeout="
            + TIMEOUT_MS
            + ";http_response_timeout="
            + TIMEOUT_MS);
  }

  static HttpURLConnection open(String url, SSLContext ssl) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    if (c instanceof HttpsURLConnection https && ssl != null) {
      https.setSSLSocketFactory(ssl.getSocketFactory());
    }
    c.setConnectTimeout(TIMEOUT_MS);
    c.setReadTimeout(TIMEOUT_MS);
    return c;
  }

  /** One request of Avatica's JSON protocol, sent as the remote driver sends it. */
  static JsonNode call(ObjectNode request) throws IOException {
    HttpURLConnection c = open(server.baseUrl(), trusting);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json; charset=UTF-8");
    try (OutputStream out = c.getOutputStream()) {
      out.write(JSON.writeValueAsBytes(request));
    }
    InputStream body = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream();
    try (InputStream in = body) {
      return JSON.readTree(in);
    }
  }

  static ObjectNode request(String name, String connectionId) {
    ObjectNode r = JSON.createObjectNode().put("request", name).put("connectionId", connectionId);
    return r;
  }

  static String openConnection() throws IOException {
    String id = UUID.randomUUID().toString();
    ObjectNode r = request("openConnection", id);
    r.putObject("info");
    JsonNode response = call(r);
    assertEquals("openConnection", response.path("response").asText(), response.toString());
    return id;
  }

  static int createStatement(String connectionId) throws IOException {
    JsonNode response = call(request("createStatement", connectionId));
    assertEquals("createStatement", response.path("response").asText(), response.toString());
    return response.path("statementId").asInt();
  }

  @Test
  @Order(1)
  void servesTlsOnlyWithTheKeystoresCertificate() throws Exception {
    assertTrue(server.url().contains("url=https://127.0.0.1:"), server.url());
    try (Connection c = remote();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(v) FROM t")) {
      assertTrue(rs.next());
      assertEquals(ROWS, rs.getLong(1));
      assertEquals("v9", rs.getString(2));
    }
    HttpURLConnection health = open(server.baseUrl() + "/health", trusting);
    assertEquals(200, health.getResponseCode());
    try (InputStream in = health.getInputStream()) {
      assertEquals("UP", JSON.readTree(in).path("status").asText());
    }
    // A client that does not trust the certificate stops at the handshake.
    HttpURLConnection untrusting = open(server.baseUrl() + "/health", null);
    assertThrows(SSLHandshakeException.class, untrusting::getResponseCode);
    // Plain HTTP to the TLS port gets no answer from the server.
    String plain = server.baseUrl().replace("https://", "http://") + "/health";
    HttpURLConnection http = open(plain, null);
    int code;
    try {
      code = http.getResponseCode();
    } catch (IOException refused) {
      code = -1;
    }
    assertFalse(code == 200, "plain HTTP was answered 200 on the TLS port");
  }

  @Test
  @Order(2)
  void framesAreCutToTheServersMaximumAndTheRemoteDriverReadsThemAll() throws Exception {
    String connection = openConnection();
    int statement = createStatement(connection);
    ObjectNode execute = request("prepareAndExecute", connection);
    execute
        .put("statementId", statement)
        .put("sql", "SELECT id FROM t ORDER BY id")
        .put("maxRowCount", -1)
        .put("maxRowsInFirstFrame", 1000);
    JsonNode result = call(execute).path("results").path(0);
    JsonNode first = result.path("firstFrame");
    assertEquals(FRAME, first.path("rows").size(), result.toString());
    assertFalse(first.path("done").asBoolean(), first.toString());
    assertEquals(1, first.path("rows").path(0).path(0).asInt());
    ObjectNode fetch = request("fetch", connection);
    fetch.put("statementId", statement).put("offset", FRAME).put("fetchMaxRowCount", 1000);
    JsonNode fetched = call(fetch);
    JsonNode second = fetched.path("frame");
    assertEquals(FRAME, second.path("rows").size(), fetched.toString());
    assertEquals(FRAME + 1, second.path("rows").path(0).path(0).asInt());
    call(request("closeConnection", connection));

    List<Integer> ids = new ArrayList<>();
    try (Connection c = remote();
        Statement s = c.createStatement()) {
      s.setFetchSize(1000);
      try (ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
        while (rs.next()) {
          ids.add(rs.getInt(1));
        }
      }
    }
    assertEquals(ROWS, ids.size(), ids.toString());
    for (int i = 0; i < ROWS; i++) {
      assertEquals(i + 1, ids.get(i));
    }
  }

  @Test
  @Order(3)
  void aFailedStatementReachesTheClientAndTheAccessLogWithItsSqlState() throws Exception {
    SQLException e;
    try (Connection c = remote();
        Statement s = c.createStatement()) {
      e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM no_such_table"));
    }
    String state = ServerSecurityTest.state(e);
    assertTrue(state != null && !state.equals("00000"), "SQLState " + state + " of " + e);
    assertTrue(
        e.getMessage().contains("no_such_table") || e.getMessage().contains("NO_SUCH_TABLE"),
        e.getMessage());
    // The server's stack frames stay on the server.
    for (Throwable t = e; t != null; t = t.getCause()) {
      List<String> traces =
          t instanceof AvaticaSqlException a
              ? a.getStackTraces()
              : t instanceof AvaticaClientRuntimeException r ? r.getServerExceptions() : List.of();
      for (String trace : traces) {
        assertFalse(trace.contains("\tat "), "a server stack trace reached the client:\n" + trace);
      }
    }
    List<String> lines =
        server.accessLog().stream()
            .filter(l -> l.contains("\"no_such_table\"") && l.contains("\"outcome\":\"error\""))
            .toList();
    assertEquals(1, lines.size(), server.accessLog().toString());
    assertTrue(lines.get(0).contains("\"sqlState\":\"" + state + "\""), lines.get(0));
  }

  @Test
  @Order(4)
  void anIdleConnectionIsClosedAndLogged() throws Exception {
    String connection = openConnection();
    createStatement(connection);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (server.accessLog().stream()
            .noneMatch(
                l ->
                    l.contains("\"event\":\"idle-close\"")
                        && l.contains(connection.substring(0, 8)))
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    List<String> closes =
        server.accessLog().stream().filter(l -> l.contains("\"event\":\"idle-close\"")).toList();
    assertTrue(
        closes.stream().anyMatch(l -> l.contains(connection.substring(0, 8))),
        "no idle-close line for " + connection + " in " + server.accessLog());
    JsonNode refused = call(request("createStatement", connection));
    assertEquals("error", refused.path("response").asText(), refused.toString());
    assertTrue(
        refused.path("errorMessage").asText().contains(connection)
            || refused.toString().contains("NoSuchConnection"),
        refused.toString());
  }

  @Test
  @Order(5)
  void sigtermLetsARunningStatementFinishThenStops() throws Exception {
    Connection c = remote();
    Statement s = c.createStatement();
    String slow = "SELECT COUNT(*) FROM big a, big b, big x WHERE a.k + b.k + x.k > -1";
    CompletableFuture<Long> count =
        CompletableFuture.supplyAsync(
            () -> {
              try (ResultSet rs = s.executeQuery(slow)) {
                rs.next();
                return rs.getLong(1);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(1_500);
    assertFalse(count.isDone(), "the statement ended before SIGTERM; the test needs a slower one");
    server.terminate();
    assertEquals((long) BIG * BIG * BIG, count.get(2, TimeUnit.MINUTES));
    assertTrue(server.waitForExit(60), "the server did not exit");
    String out = server.output();
    int stopping = out.indexOf("delta-server: stopping");
    int stopped = out.indexOf("delta-server: stopped");
    int statementLine = -1;
    for (String line : server.accessLog()) {
      if (line.contains("\"outcome\":\"ok\"") && line.contains("\"big\"")) {
        statementLine = out.indexOf(line);
      }
    }
    assertTrue(stopping >= 0 && stopped > stopping, out);
    assertTrue(
        statementLine > stopping && statementLine < stopped,
        "the statement's access-log line is not between stopping and stopped:\n" + out);
    // the server is gone: the client's own objects close with an error it reports, nothing else
    assertThrows(SQLException.class, s::close);
  }
}
