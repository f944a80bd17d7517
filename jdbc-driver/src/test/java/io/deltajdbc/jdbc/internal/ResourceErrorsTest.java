package io.deltajdbc.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * An OutOfMemoryError anywhere in a failure's causes is SQLState 53200 naming the statement's
 * tables.
 */
class ResourceErrorsTest {
  @Test
  void outOfMemoryNamesTheTablesAndWhatToDo() {
    Throwable wrapped =
        new RuntimeException("Error while executing SQL", new OutOfMemoryError("Java heap space"));
    SQLException e =
        ResourceErrors.outOfMemory(
            wrapped, "SELECT * FROM big b JOIN \"Other\" o ON b.id = o.id ORDER BY 1");
    assertEquals("53200", e.getSQLState());
    assertTrue(
        e.getMessage()
            .startsWith(
                "Out of memory: the statement over tables big, \"Other\" needs more memory"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("LIMIT") && e.getMessage().contains("Java heap space"),
        e.getMessage());
    assertNull(ResourceErrors.outOfMemory(new RuntimeException("other"), "SELECT 1"));
    assertEquals(
        "table sales.refunds",
        ResourceErrors.tables("select count(*) from sales.refunds where x > 1"));
    assertEquals("the statement \"VALUES 1\"", ResourceErrors.tables("VALUES 1"));
  }

  @Test
  void queriesAreTheStatementsACancelInterrupts() {
    assertTrue(StatementGuard.isQuery("  -- top\n (SELECT 1)"));
    assertTrue(StatementGuard.isQuery("/* x */ with a as (select 1) select * from a"));
    assertTrue(!StatementGuard.isQuery("INSERT INTO t SELECT * FROM u"));
    assertTrue(!StatementGuard.isQuery(null));
  }
}
