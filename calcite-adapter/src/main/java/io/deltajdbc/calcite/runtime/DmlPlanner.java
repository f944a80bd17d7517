package io.deltajdbc.calcite.runtime;

import io.deltajdbc.calcite.internal.decimal.DecimalConvertletTable;
import io.deltajdbc.calcite.internal.decimal.DecimalRexBuilder;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Plans the expressions of a DML statement as Calcite plans a query's: {@code SELECT e1, ..., en
 * FROM from} is validated with the connection's operators and conformance and converted to
 * relational algebra, and the projection's expressions, typed and resolved against the rows of
 * {@code from} (the target table, or the target joined with the MERGE source), are what the
 * statement evaluates. The same validator and converter run for SELECT, so the expressions mean
 * what they mean in a query.
 */
public final class DmlPlanner {
  private DmlPlanner() {}

  /**
   * The planned expressions.
   *
   * @param expressions one per input expression, in order, over {@code rowType}
   * @param rowType the row the expressions read
   */
  public record Planned(
      List<RexNode> expressions,
      RelDataType rowType,
      RexBuilder rexBuilder,
      JavaTypeFactory typeFactory,
      SqlConformance conformance) {}

  public static Planned plan(
      CalcitePrepare.Context context, SqlNode from, List<SqlNode> expressions) {
    JavaTypeFactory typeFactory = context.getTypeFactory();
    CalciteCatalogReader reader =
        new CalciteCatalogReader(
            context.getRootSchema(), context.getDefaultSchemaPath(), typeFactory, context.config());
    // The connection's functions and those of its schemas (the driver's Spark date functions), as
    // for queries.
    SqlOperatorTable operators =
        SqlOperatorTables.chain(
            context.config().fun(SqlOperatorTable.class, SqlStdOperatorTable.instance()), reader);
    SqlConformance conformance = context.config().conformance();
    SqlValidator validator =
        SqlValidatorUtil.newValidator(
            operators,
            reader,
            typeFactory,
            SqlValidator.Config.DEFAULT.withConformance(conformance));
    SqlSelect select =
        new SqlSelect(
            SqlParserPos.ZERO,
            null,
            new SqlNodeList(expressions, SqlParserPos.ZERO),
            from,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    SqlNode validated = validator.validate(select);
    RexBuilder rexBuilder =
        new DecimalRexBuilder(typeFactory); // decimal arithmetic as Spark computes it
    RelOptCluster cluster =
        RelOptCluster.create(new HepPlanner(HepProgram.builder().build()), rexBuilder);
    RelOptTable.ViewExpander noViews =
        (rowType, queryString, schemaPath, viewPath) -> {
          throw new UnsupportedOperationException("views are not expanded in DML expressions");
        };
    SqlToRelConverter converter =
        new SqlToRelConverter(
            noViews,
            validator,
            reader,
            cluster,
            DecimalConvertletTable.INSTANCE,
            SqlToRelConverter.config()
                .withTrimUnusedFields(false)
                .withExpand(false)
                .withInSubQueryThreshold(Integer.MAX_VALUE));
    RelNode rel = converter.convertQuery(validated, false, true).rel;
    if (!(rel instanceof Project project)) {
      throw new IllegalStateException("a DML expression list planned as " + rel.getRelTypeName());
    }
    return new Planned(
        project.getProjects(),
        project.getInput().getRowType(),
        rexBuilder,
        typeFactory,
        conformance);
  }
}
