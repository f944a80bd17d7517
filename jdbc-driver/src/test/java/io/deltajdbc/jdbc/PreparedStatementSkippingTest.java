package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prepared statement's {@code WHERE col = ?} prunes partitions and skips files by statistics, as
 * the same statement with a literal does: each execution binds its own values. Shown the way a user
 * would notice: the data file of one commit is deleted, and the statements that need not read it
 * still answer, while one that needs it fails naming it.
 */
class PreparedStatementSkippingTest {
  @TempDir Path dir;
  Connection c;
  String missing;

  @BeforeEach
  void tableWithAFileGone() throws Exception {
    c = DriverManager.getConnection("jdbc:delta:" + dir);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE t (id BIGINT, name STRING, amount DECIMAL(10,2), region STRING)"
              + " PARTITIONED BY (region)");
      s.executeUpdate("INSERT INTO t VALUES (1, 'a', 1.50, 'north'), (2, 'b', 2.50, 'north')");
      s.executeUpdate("INSERT INTO t VALUES (10, 'k', 10.50, 'south'), (11, 'l', 11.50, 'south')");
      s.executeUpdate("INSERT INTO t VALUES (20, 'u', 20.50, 'north'), (21, 'v', 21.50, 'north')");
    }
    // version 2 is the INSERT of ids 10 and 11: its one data file is deleted
    JsonNode add = null;
    for (String line : Files.readAllLines(dir.resolve("t/_delta_log/00000000000000000002.json"))) {
      JsonNode n = new ObjectMapper().readTree(line);
      if (n.has("add")) {
        add = n.get("add");
      }
    }
    missing = add.get("path").asText();
    Files.delete(dir.resolve("t").resolve(java.net.URLDecoder.decode(missing, "UTF-8")));
  }

  @org.junit.jupiter.api.AfterEach
  void close() throws SQLException {
    c.close();
  }

  static List<String> rows(PreparedStatement ps) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1) + ":" + rs.getString(2));
      }
    }
    return out;
  }

  @Test
  void eachExecutionSkipsWhatItsValuesRuleOut() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM t WHERE id = ?")) {
      ps.setLong(1, 21);
      assertEquals(List.of("21:v"), rows(ps));
      ps.setLong(1, 2);
      assertEquals(List.of("2:b"), rows(ps));
      ps.setInt(1, 5);
      assertEquals(List.of(), rows(ps));
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, name FROM t WHERE id BETWEEN ? AND ? ORDER BY id")) {
      ps.setLong(1, 19);
      ps.setLong(2, 30);
      assertEquals(List.of("20:u", "21:v"), rows(ps));
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, name FROM t WHERE name = ? OR amount = ? ORDER BY id")) {
      ps.setString(1, "a");
      ps.setBigDecimal(2, new BigDecimal("21.50"));
      assertEquals(List.of("1:a", "21:v"), rows(ps));
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, name FROM t WHERE region = ? AND id > ? ORDER BY id")) {
      ps.setString(1, "north");
      ps.setLong(2, 1);
      assertEquals(List.of("2:b", "20:u", "21:v"), rows(ps));
    }
  }

  @Test
  void aStatementThatNeedsTheMissingFileFailsNamingIt() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM t WHERE id = ?")) {
      ps.setLong(1, 11);
      SQLException e = assertThrows(SQLException.class, () -> rows(ps));
      assertTrue(
          e.getMessage().contains(missing.substring(missing.lastIndexOf('/') + 1)), e.getMessage());
      // a value nothing can be skipped for (NULL) reads every file, so it fails the same way,
      // while the same statement with another value still answers
      ps.setNull(1, Types.BIGINT);
      assertThrows(SQLException.class, () -> rows(ps));
      ps.setLong(1, 1);
      assertEquals(List.of("1:a"), rows(ps));
    }
  }
}
