package io.deltajdbc.tools.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.tools.server.users.AddUser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with a users file, as a process of its own: who may connect, what each user may do, what
 * a client may not set, and where the server listens.
 */
class ServerSecurityTest {
  @TempDir static Path dir;
  static Path warehouse;
  static Path sales;
  static Path users;
  static DeltaServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    warehouse = Files.createDirectories(dir.resolve("wh"));
    sales = Files.createDirectories(dir.resolve("sales"));
    Files.createDirectories(dir.resolve("outside"));
    for (Path w : List.of(warehouse, sales)) {
      try (Connection c = DriverManager.getConnection("jdbc:delta:" + w);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT, v STRING)");
        s.execute("INSERT INTO t VALUES (1, '" + w.getFileName() + "')");
      }
    }
    users = dir.resolve("users");
    addUser("alice", "read-write", "*", "alice-secret-1");
    addUser("bob", "read-only", "*", "bob-secret-2");
    addUser("carol", "read-write", "sales", "carol-secret-3");
    server =
        DeltaServerProcess.start(
            dir.resolve("server.log"),
            "1g",
            List.of(
                warehouse.toString(),
                "sales=" + sales,
                "--port",
                "0",
                "--users",
                users.toString(),
                "--max-connections-per-user",
                "4"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static void addUser(String name, String access, String catalogs, String password) {
    addUser(users, name, access, catalogs, password);
  }

  /** Adds a user to the users file {@code users} with delta-server's add-user. */
  static void addUser(Path users, String name, String access, String catalogs, String password) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        AddUser.run(
            List.of(
                "--users",
                users.toString(),
                "--user",
                name,
                "--access",
                access,
                "--catalogs",
                catalogs,
                "--password-stdin"),
            new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, text);
    assertFalse(text.contains(password), text);
  }

  /** A connection as {@code user}, with {@code properties} sent to the server (key=value). */
  static Connection as(String user, String password, String... properties) throws SQLException {
    Properties info = new Properties();
    for (String p : properties) {
      info.setProperty(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    return DriverManager.getConnection(
        server.url() + ";avatica_user=" + user + ";avatica_password=" + password, info);
  }

  static String one(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    }
  }

  /** The SQLState of the failure, through Avatica's wrappers. */
  static String state(Throwable t) {
    for (Throwable x = t; x != null; x = x.getCause()) {
      if (x instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
      if (x instanceof AvaticaClientRuntimeException a) {
        return a.getSqlState();
      }
    }
    return null;
  }

  static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable x = t; x != null; x = x.getCause()) {
      sb.append(x).append('\n');
    }
    return sb.toString();
  }

  @Test
  void theUsersFileHoldsNoPassword() throws Exception {
    String text = Files.readString(users);
    assertFalse(text.contains("alice-secret-1") || text.contains("bob-secret-2"), text);
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(users)));
  }

  @Test
  void noCredentialsAndAWrongPasswordAreRefusedAndLoggedWithoutThePassword() throws Exception {
    Exception none = assertThrows(Exception.class, () -> DriverManager.getConnection(server.url()));
    assertTrue(messages(none).contains("401"), messages(none));
    Exception wrong = assertThrows(Exception.class, () -> as("alice", "not-alices-password-9"));
    assertTrue(messages(wrong).contains("401"), messages(wrong));
    Exception unknown = assertThrows(Exception.class, () -> as("mallory", "whatever-7"));
    assertTrue(messages(unknown).contains("401"), messages(unknown));
    String log = server.output();
    assertTrue(
        log.lines()
            .anyMatch(
                l ->
                    l.contains("\"event\":\"refused\"")
                        && l.contains("\"user\":\"alice\"")
                        && l.contains("\"status\":401")),
        log);
    assertFalse(log.contains("not-alices-password-9") || log.contains("alice-secret-1"), log);
    try (Connection c = as("alice", "alice-secret-1")) {
      assertEquals("wh", one(c, "SELECT v FROM t"));
    }
    assertTrue(
        server.accessLog().stream()
            .anyMatch(
                l -> l.contains("\"event\":\"statement\"") && l.contains("\"user\":\"alice\"")),
        "statements are logged under their user");
  }

  @Test
  void aReadOnlyUserQueriesButCannotWrite() throws Exception {
    try (Connection c = as("bob", "bob-secret-2");
        Statement s = c.createStatement()) {
      assertEquals("1", one(c, "SELECT count(*) FROM t"));
      SQLException insert =
          assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO t VALUES (2, 'x')"));
      assertEquals("25006", state(insert), messages(insert));
      SQLException drop = assertThrows(SQLException.class, () -> s.execute("DROP TABLE t"));
      assertEquals("25006", state(drop), messages(drop));
      // Avatica's client sends the change with its next request
      Exception writable =
          assertThrows(
              Exception.class,
              () -> {
                c.setReadOnly(false);
                one(c, "SELECT 1");
              });
      assertEquals("25006", state(writable), messages(writable));
      assertTrue(messages(writable).contains("bob"), messages(writable));
    }
    try (Connection c = as("alice", "alice-secret-1")) {
      assertEquals("1", one(c, "SELECT count(*) FROM t"), "bob changed nothing");
    }
  }

  @Test
  void clientsCannotSetServerProperties() throws Exception {
    for (String p :
        List.of(
            "spark.master=local[1]",
            "warehouse=" + dir.resolve("outside"),
            "fs.defaultFS=file:///",
            "model=inline:{}",
            "deltajdbc.scan.threads=64")) {
      String key = p.substring(0, p.indexOf('='));
      Exception e = assertThrows(Exception.class, () -> as("alice", "alice-secret-1", p));
      assertEquals("42501", state(e), messages(e));
      assertTrue(messages(e).contains("'" + key + "'"), messages(e));
    }
    // in the URL, Avatica's remote driver keeps them to itself: the server never sees them
    try (Connection c =
        DriverManager.getConnection(
            server.url()
                + ";avatica_user=alice;avatica_password=alice-secret-1;spark.master=local[1];warehouse="
                + dir.resolve("outside"))) {
      assertEquals("wh", one(c, "SELECT v FROM t"), "the served warehouse, not the URL's");
    }
  }

  @Test
  void tableNamesCannotLeaveTheWarehouse() throws Exception {
    try (Connection c = as("alice", "alice-secret-1");
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "SELECT * FROM \"../outside\"",
              "SELECT * FROM \"" + dir.resolve("outside") + "\"",
              "CREATE TABLE \"../escaped\" (id INT)",
              "DROP TABLE \"../sales/t\"")) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals("42602", state(e), sql + "\n" + messages(e));
      }
    }
    assertFalse(Files.exists(dir.resolve("escaped")));
    assertTrue(Files.exists(sales.resolve("t").resolve("_delta_log")));
  }

  @Test
  void usersReachOnlyTheirCatalogs() throws Exception {
    try (Connection c = as("carol", "carol-secret-3", "catalog=sales")) {
      assertEquals("sales", one(c, "SELECT v FROM t"));
    }
    String byPath = server.url().replace(server.baseUrl(), server.baseUrl() + "/sales");
    try (Connection c =
        DriverManager.getConnection(
            byPath + ";avatica_user=carol;avatica_password=carol-secret-3")) {
      assertEquals("sales", one(c, "SELECT v FROM t"), "the URL's path names the catalog");
    }
    Exception denied = assertThrows(Exception.class, () -> as("carol", "carol-secret-3"));
    assertEquals("42501", state(denied), messages(denied));
    assertTrue(messages(denied).contains("carol") && messages(denied).contains("default"));
    Exception unknown =
        assertThrows(Exception.class, () -> as("alice", "alice-secret-1", "catalog=nope"));
    assertEquals("3D000", state(unknown), messages(unknown));
    try (Connection c = as("alice", "alice-secret-1", "catalog=sales")) {
      assertEquals("sales", one(c, "SELECT v FROM t"));
    }
  }

  @Test
  void aUserHoldsAtMostItsConnections() throws Exception {
    List<Connection> open = Collections.synchronizedList(new ArrayList<>());
    try {
      for (int i = 0; i < 4; i++) {
        Connection c = as("alice", "alice-secret-1");
        open.add(c);
        one(c, "SELECT 1");
      }
      Exception fifth = assertThrows(Exception.class, () -> as("alice", "alice-secret-1"));
      assertEquals("53300", state(fifth), messages(fifth));
      try (Connection bob = as("bob", "bob-secret-2")) {
        assertEquals("1", one(bob, "SELECT 1"), "another user still connects");
      }
    } finally {
      for (Connection c : open) {
        c.close();
      }
    }
    try (Connection again = as("alice", "alice-secret-1")) {
      assertEquals("1", one(again, "SELECT 1"), "closed connections give their places back");
    }
  }

  @Test
  void theServerListensOnLoopbackOnly() throws Exception {
    assertEquals("127.0.0.1", server.host());
    assertTrue(InetAddress.getByName(server.host()).isLoopbackAddress());
    Optional<InetAddress> external = nonLoopbackAddress();
    if (external.isPresent()) {
      try (Socket s = new Socket()) {
        assertThrows(
            java.io.IOException.class,
            () -> s.connect(new InetSocketAddress(external.get(), server.port()), 2_000),
            "not reachable on " + external.get());
      }
    }
  }

  @Test
  void aNonLoopbackAddressWithoutUsersIsRefused() throws Exception {
    DeltaServerProcess.Exit exit =
        DeltaServerProcess.refused(
            dir.resolve("refused.log"), List.of(warehouse.toString(), "--bind", "0.0.0.0"));
    assertEquals(2, exit.code(), exit.output());
    assertTrue(
        exit.output().contains("Refusing to listen on 0.0.0.0 without --users"), exit.output());
  }

  @Test
  void digestAuthentication() throws Exception {
    try (DeltaServerProcess digest =
        DeltaServerProcess.start(
            dir.resolve("digest.log"),
            "512m",
            List.of(
                warehouse.toString(),
                "--port",
                "0",
                "--users",
                users.toString(),
                "--auth",
                "digest"))) {
      assertTrue(digest.url().contains("authentication=DIGEST"), digest.url());
      try (Connection c =
          DriverManager.getConnection(
              digest.url() + ";avatica_user=alice;avatica_password=alice-secret-1")) {
        assertEquals("wh", one(c, "SELECT v FROM t"));
      }
      Exception wrong =
          assertThrows(
              Exception.class,
              () ->
                  DriverManager.getConnection(
                      digest.url() + ";avatica_user=alice;avatica_password=wrong-digest-5"));
      assertTrue(messages(wrong).contains("401"), messages(wrong));
      assertFalse(digest.output().contains("wrong-digest-5"));
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!n.isUp() || n.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(n.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
