package io.deltajdbc.calcite.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Calcite's conversion to relational algebra, except that an UPDATE's new values are converted as
 * the validator left them: Calcite converts the statement's own {@code SET} expressions, which the
 * validator did not rewrite (it rewrote their copies in the source SELECT), so that a function the
 * validator expands, such as Spark's {@code nvl}, fails to convert. Here the SET list is the
 * SELECT's validated items before Calcite converts it.
 */
final class UpdateSourceConverter extends SqlToRelConverter {
  UpdateSourceConverter(
      RelOptTable.ViewExpander viewExpander,
      SqlValidator validator,
      Prepare.CatalogReader catalogReader,
      RelOptCluster cluster,
      SqlRexConvertletTable convertletTable,
      Config config) {
    super(viewExpander, validator, catalogReader, cluster, convertletTable, config);
  }

  @Override
  protected RelRoot convertQueryRecursive(SqlNode query, boolean top, RelDataType targetRowType) {
    if (query instanceof SqlUpdate update && update.getSourceSelect() != null) {
      SqlSelect source = update.getSourceSelect();
      SqlNodeList items = source.getSelectList();
      int n = update.getSourceExpressionList().size();
      List<SqlNode> validated = new ArrayList<>(n);
      for (SqlNode item : items.getList().subList(items.size() - n, items.size())) {
        validated.add(item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item);
      }
      update.setOperand(
          2, new SqlNodeList(validated, update.getSourceExpressionList().getParserPosition()));
    }
    return super.convertQueryRecursive(query, top, targetRowType);
  }
}
