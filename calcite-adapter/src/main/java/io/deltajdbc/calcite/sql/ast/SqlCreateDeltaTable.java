package io.deltajdbc.calcite.sql.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
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
 * {@code CREATE [OR REPLACE] TABLE [IF NOT EXISTS] t [(columns)] [USING DELTA] [PARTITIONED BY
 * (...)] [LOCATION '...'] [COMMENT '...'] [TBLPROPERTIES (...)] [AS query]}, and Delta's {@code
 * CREATE [OR REPLACE] TABLE t SHALLOW CLONE s} ({@link #clone} the source, its version in the name
 * as time travel writes it: {@code "s@v3"}).
 */
public final class SqlCreateDeltaTable extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  public final SqlIdentifier name;
  public final SqlNodeList columns;
  public final SqlIdentifier format;
  public final SqlNodeList partitionedBy;
  public final SqlNode location;
  public final SqlNode comment;
  public final SqlNodeList properties;
  public final SqlNode query;
  public final SqlIdentifier clone;

  public SqlCreateDeltaTable(
      SqlParserPos pos,
      boolean replace,
      boolean ifNotExists,
      SqlIdentifier name,
      SqlNodeList columns,
      SqlIdentifier format,
      SqlNodeList partitionedBy,
      SqlNode location,
      SqlNode comment,
      SqlNodeList properties,
      SqlNode query,
      SqlIdentifier clone) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = name;
    this.columns = columns;
    this.format = format;
    this.partitionedBy = partitionedBy;
    this.location = location;
    this.comment = comment;
    this.properties = properties;
    this.query = query;
    this.clone = clone;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(
        name, columns, partitionedBy, comment, properties, query, clone);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE TABLE" : "CREATE TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (clone != null) {
      writer.keyword("SHALLOW CLONE");
      clone.unparse(writer, 0, 0);
    }
    if (columns != null) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      columns.forEach(
          c -> {
            writer.sep(",");
            c.unparse(writer, 0, 0);
          });
      writer.endList(frame);
    }
    if (partitionedBy != null) {
      writer.keyword("PARTITIONED BY");
      partitionedBy.unparse(writer, 0, 0);
    }
    if (comment != null) {
      writer.keyword("COMMENT");
      comment.unparse(writer, 0, 0);
    }
    if (properties != null) {
      writer.keyword("TBLPROPERTIES");
      PropertyLists.unparse(writer, properties);
    }
    if (query != null) {
      writer.keyword("AS");
      query.unparse(writer, 0, 0);
    }
  }
}
