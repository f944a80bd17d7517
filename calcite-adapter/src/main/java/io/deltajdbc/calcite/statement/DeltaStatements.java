package io.deltajdbc.calcite.statement;

import io.deltajdbc.calcite.internal.CalciteRows;
import io.deltajdbc.calcite.internal.DeltaTypes;
import io.deltajdbc.calcite.sql.DeltaPrepare;
import io.deltajdbc.calcite.sql.SqlPositions;
import io.deltajdbc.calcite.sql.ast.SqlAlterDeltaTable;
import io.deltajdbc.calcite.sql.ast.SqlCreateDeltaTable;
import io.deltajdbc.calcite.sql.ast.SqlDeltaInsert;
import io.deltajdbc.calcite.sql.ast.SqlDeltaMerge;
import io.deltajdbc.calcite.sql.ast.SqlDeltaShow;
import io.deltajdbc.calcite.sql.ast.SqlDeltaUtility;
import io.deltajdbc.calcite.sql.ast.SqlDropDeltaTable;
import io.deltajdbc.calcite.sql.ast.SqlTruncateDeltaTable;
import io.deltajdbc.calcite.statement.ddl.ConstraintExpressions;
import io.deltajdbc.calcite.statement.ddl.DeltaAlter;
import io.deltajdbc.calcite.statement.ddl.DeltaDdl;
import io.deltajdbc.calcite.statement.ddl.TableRef;
import io.deltajdbc.calcite.statement.show.DeltaShow;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.types.StructType;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Prepares the statements Calcite's planner does not run: each becomes a signature whose execution
 * performs the statement (one Delta commit) and yields its update count, as JDBC expects of DML and
 * DDL. Names are resolved and the statement checked when it is prepared; the work happens when it
 * is executed.
 */
public final class DeltaStatements {
  private DeltaStatements() {}

  public static boolean handles(SqlNode node) {
    return node instanceof SqlCreateDeltaTable
        || node instanceof SqlDropDeltaTable
        || node instanceof SqlTruncateDeltaTable
        || node instanceof SqlAlterDeltaTable
        || node instanceof SqlDeltaMerge
        || node instanceof SqlDeltaInsert
        || node instanceof SqlDeltaShow
        || node instanceof SqlDeltaUtility
        || ParameterInsert.matches(node);
  }

  public static <T> CalciteSignature<T> prepare(
      DeltaPrepare prepare, CalcitePrepare.Context context, SqlNode node, String sql) {
    if (node instanceof SqlDeltaShow show) {
      return show.kind == SqlDeltaShow.Kind.DESCRIBE_HISTORY
              || show.kind == SqlDeltaShow.Kind.DESCRIBE_DETAIL
          ? UtilityStatements.describe(prepare, context, show)
          : DeltaShow.prepare(context, show, sql);
    }
    if (node instanceof SqlDeltaUtility utility) {
      return UtilityStatements.prepare(context, utility, sql);
    }
    if (node instanceof SqlCreateDeltaTable create) {
      return createTable(prepare, context, create, sql);
    }
    if (node instanceof SqlDropDeltaTable drop) {
      return update(
          context, sql, List.of(), dc -> DeltaDdl.drop(drop, TableRef.resolve(context, drop.name)));
    }
    if (ParameterInsert.matches(node)) {
      return ParameterInsert.prepare(context, (SqlInsert) node, sql);
    }
    if (node instanceof SqlDeltaInsert overwrite) {
      return InsertOverwrite.prepare(prepare, context, overwrite, sql);
    }
    if (node instanceof SqlDeltaMerge merge) {
      return MergeStatement.merge(prepare, context, merge, sql);
    }
    if (node instanceof SqlAlterDeltaTable alter) {
      return alterTable(prepare, context, alter, sql);
    }
    SqlTruncateDeltaTable truncate = (SqlTruncateDeltaTable) node;
    return update(
        context,
        sql,
        List.of(),
        dc -> DeltaDdl.truncate(truncate, TableRef.resolve(context, truncate.name)));
  }

  private static <T> CalciteSignature<T> createTable(
      DeltaPrepare prepare,
      CalcitePrepare.Context context,
      SqlCreateDeltaTable create,
      String sql) {
    if (create.clone != null) {
      return CloneStatement.prepare(context, create, sql);
    }
    TableRef ref = TableRef.forCreate(context, create.name);
    if (create.query == null) {
      TableSpec spec = DeltaDdl.spec(create, null, ref);
      return update(
          context,
          sql,
          List.of(),
          dc -> DeltaDdl.create(create, TableRef.forCreate(context, create.name), spec, null));
    }
    String querySql = sql.substring(SqlPositions.offset(sql, create.query.getParserPosition()));
    CalciteSignature<Object> query =
        prepare.prepareSql(context, CalcitePrepare.Query.of(querySql), Object[].class, -1);
    StructType schema = DeltaTypes.schemaOf(query.rowType);
    TableSpec spec = DeltaDdl.spec(create, schema, ref);
    return update(
        context,
        sql,
        query.parameters,
        dc -> {
          Iterator<Row> rows =
              CalciteRows.toEngine(
                  query.enumerable(withInternals(dc, query.internalParameters)).iterator(), schema);
          return DeltaDdl.create(create, TableRef.forCreate(context, create.name), spec, rows);
        });
  }

  private static <T> CalciteSignature<T> alterTable(
      DeltaPrepare prepare, CalcitePrepare.Context context, SqlAlterDeltaTable alter, String sql) {
    TableRef ref = TableRef.resolve(context, alter.table).requireExists();
    if (alter.action != SqlAlterDeltaTable.Action.ADD_CONSTRAINT) {
      return update(
          context,
          sql,
          List.of(),
          dc -> DeltaAlter.execute(alter, TableRef.resolve(context, alter.table)));
    }
    // Refused before Calcite plans anything with it: Spark evaluates the stored text on every
    // write.
    ConstraintExpressions.checkExpression(
        ref.qualified(), alter.constraint.getSimple(), alter.check);
    // Existing rows must satisfy a new constraint: count those that do not, with Calcite.
    String violations =
        "SELECT count(*) FROM \""
            + ref.schemaName()
            + "\".\""
            + ref.name()
            + "\" WHERE ("
            + alter.check.toSqlString(CalciteSqlDialect.DEFAULT).getSql()
            + ") IS NOT TRUE";
    CalciteSignature<Object> check =
        prepare.prepareSql(context, CalcitePrepare.Query.of(violations), Object[].class, -1);
    return update(
        context,
        sql,
        List.of(),
        dc -> {
          Object n =
              check.enumerable(withInternals(dc, check.internalParameters)).iterator().next();
          long count = ((Number) n).longValue();
          if (count > 0) {
            throw DeltaErrors.checkConstraintViolation(
                ref.qualified(),
                alter.constraint.getSimple(),
                DeltaAlter.constraintText(alter),
                "in " + count + " existing row(s); fix or delete them first");
          }
          return DeltaAlter.execute(alter, TableRef.resolve(context, alter.table));
        });
  }

  /** A signature whose execution runs {@code action} and returns its count as the update count. */
  static <T> CalciteSignature<T> update(
      CalcitePrepare.Context context,
      String sql,
      List<AvaticaParameter> parameters,
      ToLongFunction<DataContext> action) {
    return new CalciteSignature<>(
        sql,
        parameters,
        Map.of(),
        rowCountType(context),
        List.of(rowCountColumn()),
        Meta.CursorFactory.OBJECT,
        context.getRootSchema(),
        List.of(),
        -1,
        countOf(action),
        Meta.StatementType.IS_DML);
  }

  /** The one column of an update count. */
  static ColumnMetaData rowCountColumn() {
    return MetaImpl.columnMetaData("ROWCOUNT", 0, Long.class, false);
  }

  static RelDataType rowCountType(CalcitePrepare.Context context) {
    return context
        .getTypeFactory()
        .builder()
        .add("ROWCOUNT", context.getTypeFactory().createSqlType(SqlTypeName.BIGINT))
        .build();
  }

  /** A bindable that runs {@code action} once per execution and yields its count. */
  @SuppressWarnings("unchecked")
  static <T> Bindable<T> countOf(ToLongFunction<DataContext> action) {
    return dc ->
        (org.apache.calcite.linq4j.Enumerable<T>)
            (Object) Linq4j.singletonEnumerable(action.applyAsLong(dc));
  }

  /**
   * The statement's data context with the values a prepared inner query stashed for its generated
   * code.
   */
  static DataContext withInternals(DataContext outer, Map<String, Object> internals) {
    return new DataContext() {
      @Override
      public SchemaPlus getRootSchema() {
        return outer.getRootSchema();
      }

      @Override
      public JavaTypeFactory getTypeFactory() {
        return outer.getTypeFactory();
      }

      @Override
      public QueryProvider getQueryProvider() {
        return outer.getQueryProvider();
      }

      @Override
      public Object get(String name) {
        return internals.containsKey(name) ? internals.get(name) : outer.get(name);
      }
    };
  }
}
