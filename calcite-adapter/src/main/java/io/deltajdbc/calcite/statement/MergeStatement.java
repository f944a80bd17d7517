package io.deltajdbc.calcite.statement;

import io.deltajdbc.calcite.VersionSpec;
import io.deltajdbc.calcite.internal.CalciteRows;
import io.deltajdbc.calcite.internal.DeltaTypes;
import io.deltajdbc.calcite.runtime.DmlBackend;
import io.deltajdbc.calcite.runtime.DmlPlanner;
import io.deltajdbc.calcite.runtime.StatementExpressions;
import io.deltajdbc.calcite.runtime.Subqueries;
import io.deltajdbc.calcite.sql.DeltaPrepare;
import io.deltajdbc.calcite.sql.SqlPositions;
import io.deltajdbc.calcite.sql.ast.SqlDeltaMerge;
import io.deltajdbc.calcite.statement.ddl.TableRef;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.dml.DmlFunction;
import io.deltajdbc.engine.dml.MergeClause;
import io.deltajdbc.engine.dml.MergeSpec;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Prepares MERGE for the engine's DML executor (Apache Spark). Its target, source and clauses are
 * checked and its parameters typed when it is prepared. When it is executed, the source query runs
 * through the connection, uncorrelated subqueries are evaluated first, and the ON condition and
 * clauses are planned by Calcite as a query's expressions are ({@code DmlPlanner}) and compiled by
 * Calcite; they reach Spark as functions that run that code on each row, so that a statement means
 * in MERGE exactly what it means in a SELECT, and no text of the statement is parsed by Spark. The
 * ON condition's conjuncts on target columns alone prune the target files it reads.
 */
final class MergeStatement {
  private MergeStatement() {}

  static <T> CalciteSignature<T> merge(
      DeltaPrepare prepare, CalcitePrepare.Context context, SqlDeltaMerge merge, String sql) {
    TableRef ref = target(context, merge.target);
    String targetAlias = merge.targetAlias != null ? merge.targetAlias.getSimple() : ref.name();
    SqlNode source = merge.source;
    String sourceAlias;
    if (source.getKind() == SqlKind.AS) {
      sourceAlias = ((SqlIdentifier) ((SqlCall) source).operand(1)).getSimple();
      source = ((SqlCall) source).operand(0);
    } else if (source instanceof SqlIdentifier id) {
      sourceAlias = VersionSpec.baseName(id.names.get(id.names.size() - 1));
    } else {
      throw DeltaErrors.invalidArgument(
          "The source of MERGE INTO "
              + ref.qualified()
              + " needs an alias: "
              + "USING (SELECT ...) AS s.");
    }
    String sourceText = SqlPositions.slice(sql, source.getParserPosition());
    String query =
        "SELECT * FROM " + (source instanceof SqlIdentifier ? sourceText : "(" + sourceText + ")");
    CalciteSignature<Object> sourceQuery =
        prepare.prepareSql(context, CalcitePrepare.Query.of(query), Object[].class, -1);
    if (!sourceQuery.parameters.isEmpty()) {
      throw DeltaErrors.invalidArgument(
          "Parameters (?) in the source of MERGE INTO "
              + ref.qualified()
              + " are not supported; use them in the ON condition or the WHEN clauses.");
    }
    StructType sourceSchema = DeltaTypes.schemaOf(sourceQuery.rowType);
    StructType schema = ref.table().latestInfo().schema();
    MergePlan.of(
        merge, schema, sourceSchema, sourceAlias, ref); // refuses a malformed clause when prepared
    List<AvaticaParameter> params =
        mergeParameters(context, sql, merge, ref, schema, sourceSchema, targetAlias, sourceAlias);
    return DeltaStatements.update(
        context,
        sql,
        params,
        dc -> {
          SqlDeltaMerge fresh = (SqlDeltaMerge) DeltaPrepare.parseDelta(context, sql);
          MergePlan plan = MergePlan.of(fresh, schema, sourceSchema, sourceAlias, ref);
          StatementExpressions e =
              plan(
                  prepare,
                  context,
                  dc,
                  params.size(),
                  sql,
                  ref,
                  schema,
                  targetAlias,
                  sourceAlias,
                  sourceSchema,
                  mergeFrom(fresh, targetAlias),
                  plan.expressions(context));
          List<DmlFunction> functions = new ArrayList<>();
          DmlFunction on = e.condition(0, "MERGE condition", text(merge.on));
          functions.add(on);
          List<String> keys = e.equiJoinKeys(0, schema.size());
          String onText =
              keys.isEmpty() ? on.call() : String.join(" AND ", keys) + " AND " + on.call();
          List<MergeClause> clauses = plan.clauses(e, functions);
          List<Row> rows = new ArrayList<>();
          CalciteRows.toEngine(
                  sourceQuery
                      .enumerable(DeltaStatements.withInternals(dc, sourceQuery.internalParameters))
                      .iterator(),
                  sourceSchema)
              .forEachRemaining(rows::add);
          // target files the ON condition's target-only conjuncts rule out are not read
          Predicate targetPruning =
              e.leadingFieldsPruning(
                  0, schema.fieldNames(), schema.fields().stream().map(StructField::type).toList());
          MergeSpec spec =
              new MergeSpec(
                  sourceSchema,
                  rows,
                  targetAlias,
                  sourceAlias,
                  onText,
                  clauses,
                  functions,
                  targetPruning);
          return DmlBackend.executor(ref.schema().conf()).merge(ref.table(), spec).rowsAffected();
        });
  }

  /**
   * Plans a statement's expressions over the rows of {@code from}: its uncorrelated subqueries
   * evaluated first, then validated and converted by Calcite.
   */
  private static StatementExpressions plan(
      DeltaPrepare prepare,
      CalcitePrepare.Context context,
      DataContext dc,
      int parameters,
      String sql,
      TableRef ref,
      StructType schema,
      String targetAlias,
      String sourceAlias,
      StructType sourceSchema,
      SqlNode from,
      List<SqlNode> expressions) {
    List<SqlNode> substituted = new ArrayList<>();
    for (SqlNode n : expressions) {
      substituted.add(
          Subqueries.any(n)
              ? Subqueries.substitute(
                  n, subqueryRunner(prepare, context, dc, sql, ref), ref.qualified())
              : n);
    }
    DmlPlanner.Planned planned = DmlPlanner.plan(context, from, substituted);
    List<DmlFunction.Input> inputs = new ArrayList<>();
    for (StructField f : schema.fields()) {
      inputs.add(new DmlFunction.Input(targetAlias, f.name(), f.type()));
    }
    if (sourceSchema != null) {
      for (StructField f : sourceSchema.fields()) {
        inputs.add(new DmlFunction.Input(sourceAlias, f.name(), f.type()));
      }
    }
    return new StatementExpressions(
        planned, inputs, StatementExpressions.context(dc, parameters), ref.qualified());
  }

  /** Runs a subquery of a DML statement through the connection, as a query of its own. */
  private static Subqueries.Runner subqueryRunner(
      DeltaPrepare prepare,
      CalcitePrepare.Context context,
      DataContext dc,
      String sql,
      TableRef ref) {
    return (query, maxRows) -> {
      String text = SqlPositions.slice(sql, query.getParserPosition());
      CalciteSignature<Object> s;
      try {
        s = prepare.prepareSql(context, CalcitePrepare.Query.of(text), Object[].class, -1);
      } catch (RuntimeException e) {
        throw DeltaErrors.correlatedSubquery(ref.qualified(), text, e);
      }
      if (!s.parameters.isEmpty() || s.rowType.getFieldCount() != 1) {
        throw DeltaErrors.correlatedSubquery(
            ref.qualified(),
            text,
            new IllegalArgumentException(
                s.parameters.isEmpty()
                    ? "it returns " + s.rowType.getFieldCount() + " columns, not one"
                    : "it takes parameters"));
      }
      List<Object> values = new ArrayList<>();
      Iterator<Object> rows =
          s.enumerable(DeltaStatements.withInternals(dc, s.internalParameters)).iterator();
      while (rows.hasNext() && values.size() < maxRows) {
        Object r = rows.next();
        values.add(r instanceof Object[] a ? a[0] : r);
      }
      return new Subqueries.Result(values, s.rowType.getFieldList().get(0).getType(), text);
    };
  }

  /** {@code table [AS alias]}, the FROM of an UPDATE's or DELETE's expressions. */
  private static SqlNode target(SqlNode table, SqlIdentifier alias) {
    return alias == null
        ? table
        : SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, table, alias);
  }

  /** {@code target AS t CROSS JOIN source AS s}, the rows a MERGE's expressions read. */
  private static SqlNode mergeFrom(SqlDeltaMerge merge, String targetAlias) {
    SqlParserPos pos = SqlParserPos.ZERO;
    return new SqlJoin(
        pos,
        target(merge.target, new SqlIdentifier(targetAlias, pos)),
        SqlLiteral.createBoolean(false, pos),
        JoinType.CROSS.symbol(pos),
        merge.source,
        JoinConditionType.NONE.symbol(pos),
        null);
  }

  /**
   * A bare {@code ?} assigned to a column, cast to the column's type so that Calcite can type it.
   */
  static SqlNode typedParameter(SqlNode value, DataType type, CalcitePrepare.Context context) {
    if (!(value instanceof SqlDynamicParam)) {
      return value;
    }
    try {
      return SqlStdOperatorTable.CAST.createCall(
          value.getParserPosition(),
          value,
          SqlTypeUtil.convertTypeToSpec(DeltaTypes.type(context.getTypeFactory(), type))
              .withNullable(true));
    } catch (RuntimeException e) {
      return value;
    }
  }

  /** The SQL of an expression, for messages and the commit's operation parameters. */
  static String text(SqlNode node) {
    return node.toSqlString(c -> c.withDialect(CalciteSqlDialect.DEFAULT)).getSql();
  }

  /**
   * MERGE's parameters, typed by planning its expressions once when it is prepared (untyped when a
   * subquery keeps them from being planned before it runs).
   */
  private static List<AvaticaParameter> mergeParameters(
      CalcitePrepare.Context context,
      String sql,
      SqlDeltaMerge merge,
      TableRef ref,
      StructType schema,
      StructType sourceSchema,
      String targetAlias,
      String sourceAlias) {
    List<AvaticaParameter> untyped = untypedParameters(merge);
    if (untyped.isEmpty()) {
      return untyped;
    }
    SqlDeltaMerge fresh = (SqlDeltaMerge) DeltaPrepare.parseDelta(context, sql);
    List<SqlNode> expressions =
        MergePlan.of(fresh, schema, sourceSchema, sourceAlias, ref).expressions(context);
    if (expressions.stream().anyMatch(Subqueries::any)) {
      return untyped;
    }
    DmlPlanner.Planned planned =
        DmlPlanner.plan(context, mergeFrom(fresh, targetAlias), expressions);
    RelDataType[] types = new RelDataType[untyped.size()];
    for (RexNode e : planned.expressions()) {
      e.accept(
          new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitDynamicParam(RexDynamicParam p) {
              types[p.getIndex()] = p.getType();
              return null;
            }
          });
    }
    List<AvaticaParameter> params = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      params.add(types[i] == null ? untyped.get(i) : parameter(types[i], "?" + i));
    }
    return params;
  }

  /** The target of a DML statement: an existing table at its latest version. */
  static TableRef target(CalcitePrepare.Context context, SqlNode node) {
    SqlIdentifier id = (SqlIdentifier) node;
    String last = id.names.get(id.names.size() - 1);
    // The name is checked before its suffix, so that a path is refused as a path (42602).
    io.deltajdbc.engine.warehouse.TableNames.requirePlain("table", VersionSpec.baseName(last));
    if (!VersionSpec.parse(last).isLatest()) {
      throw DeltaErrors.invalidArgument(
          "Cannot change "
              + last
              + ": an old version of a table is read-only; "
              + "change "
              + VersionSpec.baseName(last)
              + ".");
    }
    return TableRef.resolve(context, id).requireExists();
  }

  /** The table's column a SET or INSERT target names (ignoring case and any qualifier). */
  static String column(StructType schema, SqlIdentifier id, TableRef ref) {
    String name = id.names.get(id.names.size() - 1);
    return schema.fields().stream()
        .map(StructField::name)
        .filter(n -> n.equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(() -> DeltaErrors.columnNotFound(ref.qualified(), name, schema.fieldNames()));
  }

  private static AvaticaParameter parameter(RelDataType t, String name) {
    return new AvaticaParameter(
        SqlTypeUtil.isNumeric(t),
        Math.max(t.getPrecision(), 0),
        Math.max(t.getScale(), 0),
        t.getSqlTypeName().getJdbcOrdinal(),
        t.getSqlTypeName().getName(),
        Object.class.getName(),
        name);
  }

  /** Parameters of a statement Calcite cannot validate (MERGE): any value, bound as given. */
  private static List<AvaticaParameter> untypedParameters(SqlNode node) {
    int[] count = {0};
    node.accept(
        new SqlShuttle() {
          @Override
          public SqlNode visit(SqlDynamicParam param) {
            count[0] = Math.max(count[0], param.getIndex() + 1);
            return param;
          }
        });
    List<AvaticaParameter> params = new ArrayList<>();
    for (int i = 0; i < count[0]; i++) {
      params.add(
          new AvaticaParameter(false, 0, 0, Types.OTHER, "ANY", Object.class.getName(), "?" + i));
    }
    return params;
  }
}
