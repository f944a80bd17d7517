package io.deltajdbc.calcite.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deltajdbc.calcite.sql.ast.SqlDeltaShow;
import io.deltajdbc.calcite.sql.ast.SqlDeltaShow.Kind;
import io.deltajdbc.calcite.sql.parser.DeltaSqlParserImpl;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/**
 * The grammar of Spark's SHOW and DESCRIBE statements, and the words it adds staying usable as
 * names.
 */
class ShowStatementParseTest {
  /** A statement as the driver parses it: rewritten, then parsed by the Delta grammar. */
  static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(
            DeltaSqlRewriter.rewrite(sql),
            SqlParser.config()
                .withParserFactory(DeltaSqlParserImpl.FACTORY)
                .withUnquotedCasing(Casing.UNCHANGED))
        .parseStmt();
  }

  private static SqlDeltaShow show(String sql) throws SqlParseException {
    return assertInstanceOf(SqlDeltaShow.class, parse(sql), sql);
  }

  @Test
  void showStatements() throws SqlParseException {
    assertEquals(Kind.TABLES, show("SHOW TABLES").kind);
    assertNull(show("SHOW TABLES").name);
    assertEquals(List.of("sales"), show("SHOW TABLES IN sales").name.names);
    assertEquals(List.of("default"), show("SHOW TABLES FROM default LIKE 'o*'").name.names);
    assertEquals("o*", ((SqlLiteral) show("SHOW TABLES 'o*'").pattern).getValueAs(String.class));
    assertEquals(Kind.SCHEMAS, show("SHOW DATABASES").kind);
    assertEquals(List.of("sales", "events"), show("SHOW COLUMNS FROM events IN sales").name.names);
    assertEquals(
        "delta.appendOnly",
        ((SqlLiteral) show("SHOW TBLPROPERTIES t (delta.appendOnly)").pattern)
            .getValueAs(String.class));
    assertEquals(Kind.CREATE_TABLE, show("SHOW CREATE TABLE default.t").kind);
    assertEquals(List.of("default", "t"), show("SHOW CREATE TABLE default.t").name.names);
  }

  @Test
  void describeLeavesRoomForHistoryAndDetail() throws SqlParseException {
    assertEquals(Kind.DESCRIBE, show("DESCRIBE t").kind);
    assertEquals(Kind.DESCRIBE, show("DESC TABLE s.t").kind);
    assertEquals(List.of("t@v3"), show("DESCRIBE t@v3").name.names);
    assertEquals(List.of("t@v3"), show("DESCRIBE t VERSION AS OF 3").name.names);
    assertEquals(Kind.DESCRIBE_HISTORY, show("DESCRIBE HISTORY t").kind);
    assertEquals(Kind.DESCRIBE_DETAIL, show("DESCRIBE DETAIL s.t").kind);
    // Tables and columns may still be called history, detail, tables, schemas.
    assertEquals(List.of("history"), show("DESCRIBE history").name.names);
    assertEquals(Kind.DESCRIBE, show("DESCRIBE detail").kind);
    SqlSelect select =
        assertInstanceOf(SqlSelect.class, parse("SELECT tables, schemas, history FROM detail"));
    assertEquals(3, select.getSelectList().size());
  }

  @Test
  void misspeltStatementsAreSyntaxErrors() {
    assertThrows(SqlParseException.class, () -> parse("SHOW TABLE"));
    assertThrows(SqlParseException.class, () -> parse("SHOW COLUMNS events"));
    assertThrows(SqlParseException.class, () -> parse("SELEC * FROM t"));
  }
}
