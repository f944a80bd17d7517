package io.deltajdbc.calcite.sql.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * Delta's {@code MERGE INTO}: a target, a source (table, time-travelled table or query), an ON
 * condition and WHEN clauses in order. Calcite's own MERGE has one unconditional clause of each
 * kind and no DELETE; Delta's has any number, with conditions.
 */
public final class SqlDeltaMerge extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("MERGE", SqlKind.MERGE);

  public final SqlIdentifier target;
  public final SqlIdentifier targetAlias;
  public final SqlNode source;
  public final SqlNode on;
  public final SqlNodeList clauses;

  public SqlDeltaMerge(
      SqlParserPos pos,
      SqlIdentifier target,
      SqlIdentifier targetAlias,
      SqlNode source,
      SqlNode on,
      SqlNodeList clauses) {
    super(pos);
    this.target = target;
    this.targetAlias = targetAlias;
    this.source = source;
    this.on = on;
    this.clauses = clauses;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(target, targetAlias, source, on, clauses);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("MERGE INTO");
    target.unparse(writer, 0, 0);
    if (targetAlias != null) {
      writer.keyword("AS");
      targetAlias.unparse(writer, 0, 0);
    }
    writer.keyword("USING");
    source.unparse(writer, 0, 0);
    writer.keyword("ON");
    on.unparse(writer, 0, 0);
    clauses.forEach(c -> c.unparse(writer, 0, 0));
  }

  /** One WHEN clause. */
  public static final class Clause extends SqlCall {
    private static final SqlOperator CLAUSE = new SqlSpecialOperator("WHEN", SqlKind.OTHER);

    /** What the clause does. */
    public enum Kind {
      UPDATE,
      UPDATE_ALL,
      DELETE,
      INSERT,
      INSERT_ALL
    }

    public final Kind kind;
    public final SqlNode condition;

    /** Target columns (UPDATE SET, INSERT (...)); empty for DELETE and the {@code *} forms. */
    public final SqlNodeList columns;

    /** Their values, in the same order. */
    public final SqlNodeList values;

    private Clause(
        SqlParserPos pos,
        Kind kind,
        SqlNode condition,
        List<SqlNode> columns,
        List<SqlNode> values) {
      super(pos);
      this.kind = kind;
      this.condition = condition;
      this.columns = new SqlNodeList(columns, pos);
      this.values = new SqlNodeList(values, pos);
    }

    public static Clause delete(SqlParserPos pos, SqlNode condition) {
      return new Clause(pos, Kind.DELETE, condition, List.of(), List.of());
    }

    public static Clause updateAll(SqlParserPos pos, SqlNode condition) {
      return new Clause(pos, Kind.UPDATE_ALL, condition, List.of(), List.of());
    }

    public static Clause update(
        SqlParserPos pos, SqlNode condition, List<SqlNode> columns, List<SqlNode> values) {
      return new Clause(pos, Kind.UPDATE, condition, columns, values);
    }

    public static Clause insertAll(SqlParserPos pos, SqlNode condition) {
      return new Clause(pos, Kind.INSERT_ALL, condition, List.of(), List.of());
    }

    public static Clause insert(
        SqlParserPos pos, SqlNode condition, List<SqlNode> columns, List<SqlNode> values) {
      return new Clause(pos, Kind.INSERT, condition, columns, values);
    }

    public boolean matched() {
      return kind == Kind.UPDATE || kind == Kind.UPDATE_ALL || kind == Kind.DELETE;
    }

    @Override
    public SqlOperator getOperator() {
      return CLAUSE;
    }

    @Override
    public List<SqlNode> getOperandList() {
      return ImmutableNullableList.of(condition, columns, values);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
      writer.keyword(matched() ? "WHEN MATCHED" : "WHEN NOT MATCHED");
      if (condition != null) {
        writer.keyword("AND");
        condition.unparse(writer, 0, 0);
      }
      writer.keyword("THEN");
      switch (kind) {
        case DELETE -> writer.keyword("DELETE");
        case UPDATE_ALL -> writer.keyword("UPDATE SET *");
        case INSERT_ALL -> writer.keyword("INSERT *");
        case UPDATE -> {
          writer.keyword("UPDATE SET");
          for (int i = 0; i < columns.size(); i++) {
            writer.sep(",");
            columns.get(i).unparse(writer, 0, 0);
            writer.keyword("=");
            values.get(i).unparse(writer, 0, 0);
          }
        }
        case INSERT -> {
          writer.keyword("INSERT");
          if (!columns.isEmpty()) {
            columns.unparse(writer, 0, 0);
          }
          writer.keyword("VALUES");
          values.unparse(writer, 0, 0);
        }
      }
    }
  }
}
