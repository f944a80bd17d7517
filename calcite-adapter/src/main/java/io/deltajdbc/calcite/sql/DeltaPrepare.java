package io.deltajdbc.calcite.sql;

import io.deltajdbc.calcite.internal.decimal.DecimalAverageRule;
import io.deltajdbc.calcite.internal.decimal.DecimalConvertletTable;
import io.deltajdbc.calcite.internal.decimal.DecimalRexBuilder;
import io.deltajdbc.calcite.internal.join.CommonFactorRule;
import io.deltajdbc.calcite.internal.join.JoinMetadata;
import io.deltajdbc.calcite.internal.join.JoinPrograms;
import io.deltajdbc.calcite.rel.DeltaRules;
import io.deltajdbc.calcite.rel.RowModifyRules;
import io.deltajdbc.calcite.sql.SqlTokenizer.Kind;
import io.deltajdbc.calcite.sql.SqlTokenizer.Token;
import io.deltajdbc.calcite.sql.parser.DeltaSqlParserImpl;
import io.deltajdbc.calcite.statement.DeltaStatements;
import io.deltajdbc.calcite.statement.ParameterInsert;
import io.deltajdbc.calcite.time.MicrosPlans;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.rules.DateRangeRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Calcite's statement preparation for Delta SQL: the text is first rewritten by {@link
 * DeltaSqlRewriter} (time travel, backticks), then parsed by the Delta parser. Queries and INSERT
 * go through Calcite's planner, as do UPDATE and DELETE (with the rules that turn INSERT, UPDATE
 * and DELETE into Delta commits: {@link DeltaRules.InsertRule}, {@link RowModifyRules}); DDL,
 * INSERT OVERWRITE, MERGE, SHOW and DESCRIBE are prepared by {@link DeltaStatements}. An unknown
 * column or table is reported with the nearest name ({@link NameSuggestions}).
 */
public class DeltaPrepare extends CalcitePrepareImpl {
  private static final Set<String> OWN_STATEMENTS =
      Set.of(
          "CREATE",
          "DROP",
          "ALTER",
          "TRUNCATE",
          "INSERT",
          "MERGE",
          "SHOW",
          "DESCRIBE",
          "DESC",
          "VACUUM",
          "RESTORE",
          "CONVERT",
          "OPTIMIZE");

  @Override
  public <T> CalciteSignature<T> prepareSql(
      CalcitePrepare.Context context, Query<T> query, Type elementType, long maxRowCount) {
    if (query.sql == null) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
    String sql = DeltaSqlRewriter.rewrite(query.sql);
    try {
      return prepareDelta(context, sql, elementType, maxRowCount);
    } catch (RuntimeException e) {
      throw NameSuggestions.improve(context, sql, e);
    }
  }

  private <T> CalciteSignature<T> prepareDelta(
      CalcitePrepare.Context context, String sql, Type elementType, long maxRowCount) {
    if (OWN_STATEMENTS.contains(firstWord(sql))) {
      SqlNode node = parseDelta(context, sql);
      CalciteSignature<T> own =
          node != null && DeltaStatements.handles(node)
              ? DeltaStatements.prepare(this, context, node, sql)
              : null;
      if (own != null) {
        return own; // null: an INSERT of VALUES whose target Calcite resolves better (see
        // ParameterInsert)
      }
      ParameterInsert.refuseTooWide(context, node);
    }
    if (sql.length() < 500
        && sql.indexOf('*') > 0
        && firstWord(sql).equals("SELECT")) { // SELECT * FROM t: short
      CalciteSignature<T> wide = WideSelect.prepare(context, parseDelta(context, sql), sql);
      if (wide != null) {
        return wide;
      }
    }
    return super.prepareSql(context, CalcitePrepare.Query.of(sql), elementType, maxRowCount);
  }

  @Override
  protected RelOptPlanner createPlanner(
      CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.Context externalContext,
      RelOptCostFactory costFactory) {
    RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
    planner.addRule(DeltaRules.InsertRule.INSTANCE);
    planner.addRule(RowModifyRules.ToEnumerable.INSTANCE);
    // ORDER BY ... LIMIT as one top-N operator that keeps only offset + fetch rows in memory;
    // Calcite's default rule set sorts the whole input first.
    planner.addRule(EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
    DecimalAverageRule.register(planner);
    // Calcite's rewrite of EXTRACT(YEAR FROM d) = y into a range of d computes the range with a
    // java.util.GregorianCalendar: Julian before 1582 (days off) and empty for years before 1,
    // while Delta's dates and EXTRACT are proleptic Gregorian. Without it the filter is kept.
    planner.removeRule(DateRangeRules.FILTER_INSTANCE);
    planner.addRule(CommonFactorRule.FILTER);
    planner.addRule(CommonFactorRule.JOIN);
    return planner;
  }

  /**
   * Calcite's preparation with the program of {@link MicrosPlans}: timestamps are microseconds
   * while the statement runs; joins ordered and costed as {@link JoinPrograms} says. As Calcite's
   * own, but for the program (results in the enumerable convention; Calcite's bindable mode is for
   * its tests).
   */
  @Override
  protected CalcitePreparingStmt getPreparingStmt(
      CalcitePrepare.Context context,
      Type elementType,
      CalciteCatalogReader catalogReader,
      RelOptPlanner planner) {
    JavaTypeFactory typeFactory = context.getTypeFactory();
    MicrosPlans.useMicrosExecutor(
        planner); // for the folding of constants while the statement is converted
    EnumerableRel.Prefer prefer =
        elementType == Object[].class ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
    RelOptCluster cluster = createCluster(planner, new RexBuilder(typeFactory));
    SqlRexConvertletTable convertlets = createConvertletTable();
    return new CalcitePreparingStmt(
        this,
        context,
        catalogReader,
        typeFactory,
        context.getRootSchema(),
        prefer,
        cluster,
        EnumerableConvention.INSTANCE,
        convertlets) {
      @Override
      protected SqlToRelConverter getSqlToRelConverter(
          SqlValidator validator, CatalogReader catalogReader, SqlToRelConverter.Config config) {
        return new UpdateSourceConverter(
            this, validator, catalogReader, cluster, convertlets, config);
      }

      @Override
      protected Program getProgram() {
        return MicrosPlans.program(
            Programs.sequence(
                RowModifyRules.program(JoinMetadata.PROVIDER),
                JoinPrograms.standard(JoinMetadata.PROVIDER)));
      }
    };
  }

  /**
   * Decimal {@code + - * / %} computed and rounded as Spark does (see {@link DecimalRexBuilder});
   * joins sized and costed by {@link JoinMetadata} from the start.
   */
  @Override
  protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
    RelOptCluster cluster =
        super.createCluster(planner, new DecimalRexBuilder(rexBuilder.getTypeFactory()));
    cluster.setMetadataProvider(JoinMetadata.PROVIDER);
    return cluster;
  }

  /**
   * Casts to decimals written in the statement are NULL when the value does not fit, as in Spark.
   */
  @Override
  protected SqlRexConvertletTable createConvertletTable() {
    return DecimalConvertletTable.INSTANCE;
  }

  /**
   * The statement's parse tree, or null when it does not parse (Calcite then reports the error).
   */
  public static SqlNode parseDelta(CalcitePrepare.Context context, String sql) {
    CalciteConnectionConfig cfg = context.config();
    SqlParser.Config config =
        SqlParser.config()
            .withParserFactory(DeltaSqlParserImpl.FACTORY)
            .withQuoting(cfg.quoting())
            .withQuotedCasing(cfg.quotedCasing())
            .withUnquotedCasing(cfg.unquotedCasing())
            .withCaseSensitive(cfg.caseSensitive())
            .withConformance(cfg.conformance());
    try {
      return SqlParser.create(sql, config).parseStmt();
    } catch (SqlParseException e) {
      return null;
    }
  }

  private static String firstWord(String sql) {
    for (Token t : SqlTokenizer.tokenize(sql)) {
      if (t.kind() == Kind.WORD) {
        return t.text().toUpperCase(Locale.ROOT);
      }
      if (t.kind() != Kind.SPACE && t.kind() != Kind.COMMENT) {
        return "";
      }
    }
    return "";
  }
}
