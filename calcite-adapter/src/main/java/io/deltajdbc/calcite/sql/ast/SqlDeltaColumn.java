package io.deltajdbc.calcite.sql.ast;

import io.deltajdbc.calcite.statement.show.SparkTypeNames;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.StructField;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A column definition of CREATE TABLE or ALTER TABLE ADD COLUMNS: name, Delta type, NOT NULL,
 * COMMENT.
 */
public final class SqlDeltaColumn extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL);

  public final SqlIdentifier name;
  public final DataType type;
  public final boolean nullable;
  public final SqlNode comment;

  public SqlDeltaColumn(
      SqlParserPos pos, SqlIdentifier name, DataType type, boolean nullable, SqlNode comment) {
    super(pos);
    this.name = name;
    this.type = type;
    this.nullable = nullable;
    this.comment = comment;
  }

  /** The column as a Delta schema field. */
  public StructField toField() {
    StructField f = new StructField(name.getSimple(), type, nullable);
    return comment == null
        ? f
        : new StructField(
            f.name(),
            type,
            nullable,
            new StructField.FieldMetadata(
                Map.of(StructField.COMMENT_KEY, DeltaTypeNames.stringValue(comment))));
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, comment);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    writer.print(SparkTypeNames.sql(type));
    if (!nullable) {
      writer.keyword("NOT NULL");
    }
    if (comment != null) {
      writer.keyword("COMMENT");
      comment.unparse(writer, 0, 0);
    }
  }
}
