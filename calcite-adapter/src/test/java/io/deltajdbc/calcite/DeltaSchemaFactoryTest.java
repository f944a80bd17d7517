package io.deltajdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.jdbc.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Calcite model with {@link DeltaSchemaFactory} opens a warehouse as Calcite's own adapters open
 * their sources: its tables, its folders as schemas, Spark's functions, and the scan's pushdown.
 */
class DeltaSchemaFactoryTest {
  @TempDir Path dir;

  @Test
  void aModelReadsTheWarehouseWithPushdown() throws SQLException {
    try (Connection c = AdapterConnections.open(dir);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, name STRING)");
      s.execute("CREATE TABLE sales.orders (id INT, amount DECIMAL(10,2))");
      s.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
      s.executeUpdate("INSERT INTO sales.orders VALUES (1, 2.50)");
    }
    // a new connection: the folder sales is a schema because the factory found it
    try (Connection c = AdapterConnections.open(dir);
        Statement s = c.createStatement()) {
      assertEquals(List.of("2 B"), rows(s, "SELECT id, upper(name) FROM t WHERE id = 2"));
      assertEquals(List.of("1 2.50"), rows(s, "SELECT id, amount FROM sales.orders"));
      assertEquals(
          List.of("2024-01"),
          rows(s, "SELECT date_format(DATE '2024-01-31', 'yyyy-MM') FROM t WHERE id = 1"));
      String plan = rows(s, "EXPLAIN PLAN FOR SELECT name FROM t WHERE id = 2").get(0);
      assertTrue(plan.contains("DeltaTableScan") && plan.contains("filter="), plan);
    }
  }

  @Test
  void aModelWithoutAWarehouseSaysWhatItNeeds() throws Exception {
    Files.createDirectories(dir);
    Properties p = DeltaConnectionProperties.defaults();
    p.setProperty(
        "model",
        "inline:{\"version\": \"1.0\", \"schemas\": [{\"type\": \"custom\", \"name\": \"d\", "
            + "\"factory\": \""
            + DeltaSchemaFactory.class.getName()
            + "\", \"operand\": {}}]}");
    Exception e = assertThrows(Exception.class, () -> new Driver().connect("jdbc:calcite:", p));
    String messages = "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages += t.getMessage() + "\n";
    }
    assertTrue(messages.contains("needs the operand \"warehouse\""), messages);
  }

  private static List<String> rows(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? " " : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }
}
