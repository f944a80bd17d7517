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
 * {@code ALTER TABLE t} with one action: {@code ADD COLUMNS (...)}, {@code ADD CONSTRAINT c CHECK
 * (...)}, {@code DROP CONSTRAINT [IF EXISTS] c}, {@code SET TBLPROPERTIES (...)} or {@code UNSET
 * TBLPROPERTIES [IF EXISTS] (...)}.
 */
public final class SqlAlterDeltaTable extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  /** What the statement changes. */
  public enum Action {
    ADD_COLUMNS,
    ADD_CONSTRAINT,
    DROP_CONSTRAINT,
    SET_PROPERTIES,
    UNSET_PROPERTIES
  }

  public final SqlIdentifier table;
  public final Action action;

  /** Columns to add, property pairs to set or keys to unset. */
  public final SqlNodeList list;

  public final SqlIdentifier constraint;
  public final SqlNode check;
  public final boolean ifExists;

  private SqlAlterDeltaTable(
      SqlParserPos pos,
      SqlIdentifier table,
      Action action,
      SqlNodeList list,
      SqlIdentifier constraint,
      SqlNode check,
      boolean ifExists) {
    super(pos);
    this.table = table;
    this.action = action;
    this.list = list;
    this.constraint = constraint;
    this.check = check;
    this.ifExists = ifExists;
  }

  public static SqlAlterDeltaTable addColumns(
      SqlParserPos pos, SqlIdentifier table, SqlNodeList columns) {
    return new SqlAlterDeltaTable(pos, table, Action.ADD_COLUMNS, columns, null, null, false);
  }

  public static SqlAlterDeltaTable addConstraint(
      SqlParserPos pos, SqlIdentifier table, SqlIdentifier name, SqlNode check) {
    return new SqlAlterDeltaTable(pos, table, Action.ADD_CONSTRAINT, null, name, check, false);
  }

  public static SqlAlterDeltaTable dropConstraint(
      SqlParserPos pos, SqlIdentifier table, SqlIdentifier name, boolean ifExists) {
    return new SqlAlterDeltaTable(pos, table, Action.DROP_CONSTRAINT, null, name, null, ifExists);
  }

  public static SqlAlterDeltaTable setProperties(
      SqlParserPos pos, SqlIdentifier table, SqlNodeList properties) {
    return new SqlAlterDeltaTable(pos, table, Action.SET_PROPERTIES, properties, null, null, false);
  }

  public static SqlAlterDeltaTable unsetProperties(
      SqlParserPos pos, SqlIdentifier table, SqlNodeList keys, boolean ifExists) {
    return new SqlAlterDeltaTable(pos, table, Action.UNSET_PROPERTIES, keys, null, null, ifExists);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(table, list, constraint, check);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    table.unparse(writer, 0, 0);
    switch (action) {
      case ADD_COLUMNS -> {
        writer.keyword("ADD COLUMNS");
        SqlWriter.Frame frame = writer.startList("(", ")");
        list.forEach(
            c -> {
              writer.sep(",");
              c.unparse(writer, 0, 0);
            });
        writer.endList(frame);
      }
      case ADD_CONSTRAINT -> {
        writer.keyword("ADD CONSTRAINT");
        constraint.unparse(writer, 0, 0);
        writer.keyword("CHECK");
        SqlWriter.Frame frame = writer.startList("(", ")");
        check.unparse(writer, 0, 0);
        writer.endList(frame);
      }
      case DROP_CONSTRAINT -> {
        writer.keyword(ifExists ? "DROP CONSTRAINT IF EXISTS" : "DROP CONSTRAINT");
        constraint.unparse(writer, 0, 0);
      }
      case SET_PROPERTIES -> {
        writer.keyword("SET TBLPROPERTIES");
        PropertyLists.unparse(writer, list);
      }
      case UNSET_PROPERTIES -> {
        writer.keyword(ifExists ? "UNSET TBLPROPERTIES IF EXISTS" : "UNSET TBLPROPERTIES");
        list.unparse(writer, 0, 0);
      }
    }
  }
}
