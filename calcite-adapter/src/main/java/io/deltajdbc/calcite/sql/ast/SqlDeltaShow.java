package io.deltajdbc.calcite.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Spark's catalog statements that answer with rows: {@code SHOW TABLES [IN schema] [LIKE 'p']},
 * {@code SHOW SCHEMAS [LIKE 'p']}, {@code SHOW COLUMNS IN t}, {@code SHOW TBLPROPERTIES t
 * [('key')]}, {@code SHOW CREATE TABLE t} and {@code DESCRIBE [TABLE] t}, {@code DESCRIBE HISTORY
 * t}, {@code DESCRIBE DETAIL t}. {@code name} is the table (or, for SHOW TABLES, the schema), null
 * when the statement names none; {@code pattern} is the LIKE pattern or the one property key asked
 * for.
 */
public final class SqlDeltaShow extends SqlCall {
  /** What the statement shows. */
  public enum Kind {
    TABLES("SHOW TABLES"),
    SCHEMAS("SHOW SCHEMAS"),
    COLUMNS("SHOW COLUMNS IN"),
    TBLPROPERTIES("SHOW TBLPROPERTIES"),
    CREATE_TABLE("SHOW CREATE TABLE"),
    DESCRIBE("DESCRIBE TABLE"),
    DESCRIBE_HISTORY("DESCRIBE HISTORY"),
    DESCRIBE_DETAIL("DESCRIBE DETAIL");

    /** The statement's words, for messages and unparsing. */
    public final String words;

    Kind(String words) {
      this.words = words;
    }
  }

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW", SqlKind.OTHER);

  public final Kind kind;
  public final SqlIdentifier name;
  public final SqlNode pattern;

  public SqlDeltaShow(SqlParserPos pos, Kind kind, SqlIdentifier name, SqlNode pattern) {
    super(pos);
    this.kind = requireNonNull(kind, "kind");
    this.name = name;
    this.pattern = pattern;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> out = new ArrayList<>(2);
    out.add(name);
    out.add(pattern);
    return out;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(kind.words);
    if (name != null) {
      name.unparse(writer, 0, 0);
    }
    if (pattern != null) {
      writer.keyword(kind == Kind.TBLPROPERTIES ? "" : "LIKE");
      pattern.unparse(writer, 0, 0);
    }
  }
}
