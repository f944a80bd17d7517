package io.deltajdbc.calcite.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.calcite.sql.ast.SqlDeltaShow;
import io.deltajdbc.calcite.sql.ast.SqlDeltaUtility;
import io.deltajdbc.calcite.sql.ast.SqlDeltaUtility.Kind;
import java.util.List;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;

/** The grammar of Delta's table utilities, and its words staying usable as names. */
class UtilityStatementParseTest {
  private static SqlNode parse(String sql) throws SqlParseException {
    return ShowStatementParseTest.parse(sql);
  }

  private static SqlDeltaUtility utility(String sql) throws SqlParseException {
    return assertInstanceOf(SqlDeltaUtility.class, parse(sql), sql);
  }

  @Test
  void vacuum() throws SqlParseException {
    SqlDeltaUtility plain = utility("VACUUM orders");
    assertEquals(Kind.VACUUM, plain.kind);
    assertEquals(List.of("orders"), plain.table.names);
    assertNull(plain.retainHours);
    assertFalse(plain.dryRun);
    SqlDeltaUtility full = utility("VACUUM s.orders RETAIN 0.5 HOURS DRY RUN");
    assertEquals(List.of("s", "orders"), full.table.names);
    assertEquals(0.5, ((SqlLiteral) full.retainHours).getValueAs(Double.class));
    assertTrue(full.dryRun);
  }

  @Test
  void restore() throws SqlParseException {
    for (String sql :
        List.of(
            "RESTORE TABLE t TO VERSION AS OF 3",
            "RESTORE t VERSION AS OF 3",
            "RESTORE TABLE t@v3")) {
      SqlDeltaUtility u = utility(sql);
      assertEquals(Kind.RESTORE, u.kind, sql);
      assertEquals(List.of("t@v3"), u.table.names, sql);
    }
    assertEquals(
        List.of("t@20240131120000000"),
        utility("RESTORE t TO TIMESTAMP AS OF '2024-01-31 12:00:00'").table.names);
  }

  @Test
  void convertToDelta() throws SqlParseException {
    SqlDeltaUtility u = utility("CONVERT TO DELTA parquet.`raw` NO STATISTICS");
    assertEquals(Kind.CONVERT, u.kind);
    assertEquals(List.of("parquet", "raw"), u.table.names);
    assertTrue(u.noStatistics);
    assertNull(u.partitionColumns);
    SqlDeltaUtility p = utility("CONVERT TO DELTA raw PARTITIONED BY (region STRING, dt DATE)");
    assertEquals(2, p.partitionColumns.size());
  }

  @Test
  void optimize() throws SqlParseException {
    SqlDeltaUtility plain = utility("OPTIMIZE orders");
    assertEquals(Kind.OPTIMIZE, plain.kind);
    assertNull(plain.where);
    assertTrue(plain.zOrderBy.isEmpty());
    SqlDeltaUtility full = utility("OPTIMIZE s.orders WHERE region = 'north' ZORDER BY (id, ts)");
    assertEquals(List.of("s", "orders"), full.table.names);
    assertEquals("`region` = 'north'", full.where.toString());
    assertEquals(2, full.zOrderBy.size());
    assertEquals(2, utility("OPTIMIZE orders ZORDER BY id, ts").zOrderBy.size());
  }

  @Test
  void describeHistoryTakesALimit() throws SqlParseException {
    SqlDeltaShow show = assertInstanceOf(SqlDeltaShow.class, parse("DESCRIBE HISTORY t LIMIT 2"));
    assertEquals(SqlDeltaShow.Kind.DESCRIBE_HISTORY, show.kind);
    assertEquals(2, ((SqlLiteral) show.pattern).getValueAs(Integer.class));
  }

  @Test
  void theWordsStayNames() throws SqlParseException {
    SqlSelect select =
        assertInstanceOf(
            SqlSelect.class,
            parse(
                "SELECT vacuum, restore, delta, dry, run, retain, statistics, optimize, zorder FROM history"));
    assertEquals(9, select.getSelectList().size());
  }
}
