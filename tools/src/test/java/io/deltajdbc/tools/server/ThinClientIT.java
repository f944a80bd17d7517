package io.deltajdbc.tools.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.tools.process.JavaCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thin client, {@code jdbc:delta://host:port/catalog}, against a delta-server process: from
 * this JVM's class path, and from a process with only the standalone driver jar (where Avatica's
 * classes are relocated and the wire's message names must still be Avatica's).
 */
class ThinClientIT {
  @TempDir static Path dir;
  static DeltaServerProcess server;
  static String thinUrl;

  @BeforeAll
  static void start() throws Exception {
    Path sales = Files.createDirectories(dir.resolve("sales"));
    try (Connection c = DriverManager.getConnection("jdbc:delta:" + sales);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, v STRING)");
      s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    }
    Path users = dir.resolve("users");
    ServerSecurityTest.addUser(users, "alice", "read-write", "*", "alice-secret-1");
    ServerSecurityTest.addUser(users, "bob", "read-only", "*", "bob-secret-2");
    server =
        DeltaServerProcess.start(
            dir.resolve("server.log"),
            "1g",
            List.of("sales=" + sales, "--port", "0", "--users", users.toString()));
    thinUrl = "jdbc:delta://127.0.0.1:" + server.port() + "/sales";
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static Connection thin(String user, String password, String... extra) throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", user);
    info.setProperty("password", password);
    for (String p : extra) {
      info.setProperty(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    return DriverManager.getConnection(thinUrl, info);
  }

  @Test
  void readsAndWritesThroughTheServerWithItsRefusalsAsSqlStates() throws Exception {
    try (Connection c = thin("alice", "alice-secret-1");
        Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (4, 'd')"));
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(id) FROM t")) {
        assertTrue(rs.next());
        assertEquals(4, rs.getLong(1));
        assertEquals(4, rs.getInt(2));
      }
    }
    SQLException wrong = assertThrows(SQLException.class, () -> thin("alice", "not-it"));
    assertTrue(wrong.getMessage().contains("127.0.0.1:" + server.port()), wrong.getMessage());
    assertEquals("28000", wrong.getSQLState(), wrong.getMessage());
    SQLException property =
        assertThrows(
            SQLException.class, () -> thin("alice", "alice-secret-1", "spark.master=yarn"));
    assertEquals("42501", property.getSQLState(), property.getMessage());
    try (Connection c = thin("bob", "bob-secret-2");
        Statement s = c.createStatement()) {
      SQLException readOnly =
          assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM t"));
      assertEquals("25006", ServerSecurityTest.state(readOnly), readOnly.getMessage());
    }
    assertTrue(server.output().lines().noneMatch(l -> l.contains("alice-secret-1")));
  }

  @Test
  void theStandaloneJarTalksToTheServer() throws Exception {
    Path jar;
    try (var files = Files.list(Path.of(System.getProperty("deltajdbc.standalone.dir")))) {
      jar =
          files
              .filter(f -> f.getFileName().toString().endsWith("-standalone.jar"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no standalone jar: run mvn verify"));
    }
    List<String> command =
        new ArrayList<>(
            JavaCommand.of(
                "512m",
                List.of(),
                StandaloneThinClient.class,
                List.of(thinUrl, "alice", "alice-secret-1")));
    int cp = command.indexOf("-cp") + 1;
    command.set(
        cp,
        jar
            + java.io.File.pathSeparator
            + Path.of(
                StandaloneThinClient.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
    Path log = dir.resolve("standalone.log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the standalone client did not finish");
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    List<String> lines =
        out.lines().filter(l -> l.matches("(driver|updated|row|avatica-remote) .*")).toList();
    assertEquals("updated 1", lines.get(1), out);
    assertTrue(lines.contains("row 2 thin"), out);
    assertTrue(lines.contains("row 1 a"), out);
    assertEquals("avatica-remote 08001", lines.get(lines.size() - 1), out);
  }
}
