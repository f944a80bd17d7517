package io.deltajdbc.calcite.sql.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code INSERT OVERWRITE [TABLE] t [PARTITION (p = v, ...)] [(columns)] query}: replaces the rows
 * of the whole table, or with a partition spec only those of that partition (Delta's replaceWhere).
 * The query gives the columns not fixed by the partition spec.
 */
public final class SqlDeltaInsert extends SqlInsert {
  public final SqlNodeList partition;

  public SqlDeltaInsert(
      SqlParserPos pos,
      SqlIdentifier table,
      SqlNodeList columns,
      SqlNode source,
      SqlNodeList partition) {
    super(pos, SqlNodeList.EMPTY, table, source, columns);
    this.partition = partition;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("INSERT OVERWRITE TABLE");
    getTargetTable().unparse(writer, 0, 0);
    if (partition != null) {
      writer.keyword("PARTITION");
      PropertyLists.unparse(writer, partition);
    }
    if (getTargetColumnList() != null) {
      getTargetColumnList().unparse(writer, 0, 0);
    }
    getSource().unparse(writer, 0, 0);
  }
}
