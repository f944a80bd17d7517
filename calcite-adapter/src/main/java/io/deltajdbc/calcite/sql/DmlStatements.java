package io.deltajdbc.calcite.sql;

import io.deltajdbc.calcite.VersionSpec;
import io.deltajdbc.calcite.ddl.TableRef;
import io.deltajdbc.calcite.dml.DmlBackend;
import io.deltajdbc.calcite.dml.SparkSqlText;
import io.deltajdbc.calcite.internal.CalciteRows;
import io.deltajdbc.calcite.internal.DeltaTypes;
import io.deltajdbc.calcite.rel.DeltaQuery;
import io.deltajdbc.calcite.sql.ast.SqlDeltaMerge;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.dml.DeleteSpec;
import io.deltajdbc.engine.dml.MergeClause;
import io.deltajdbc.engine.dml.MergeSpec;
import io.deltajdbc.engine.dml.UpdateSpec;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.internal.DeltaErrors;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * Prepares DELETE, UPDATE and MERGE for the engine's DML executor (Apache Spark). Calcite checks
 * names and types and infers parameter types when the statement is prepared; the condition's
 * pushable part becomes the engine predicate that prunes partitions and skips files; when the
 * statement is executed, its expressions go to Spark as Spark SQL with the bound parameters.
 */
final class DmlStatements {
  private DmlStatements() {}

  static <T> CalciteSignature<T> delete(DeltaPrepare prepare, CalcitePrepare.Context context, SqlDelete delete,
      String sql) {
    // Calcite's validator rewrites the tree it validates: it gets a copy, the statement's own tree is rendered.
    List<AvaticaParameter> params = validate(context, DeltaPrepare.parseDelta(context, sql));
    TableRef ref = target(context, delete.getTargetTable());
    SqlNode condition = delete.getCondition();
    Predicate pruning = pruning(prepare, context, ref, delete.getAlias(), condition, sql);
    return DeltaStatements.update(context, sql, params, dc -> {
      String text = condition == null ? null : SparkSqlText.of(condition, values(dc, params), true);
      return DmlBackend.executor(ref.schema().conf()).delete(ref.table(), new DeleteSpec(pruning, text))
          .rowsAffected();
    });
  }

  static <T> CalciteSignature<T> update(DeltaPrepare prepare, CalcitePrepare.Context context, SqlUpdate update,
      String sql) {
    List<AvaticaParameter> params = validate(context, DeltaPrepare.parseDelta(context, sql));
    TableRef ref = target(context, update.getTargetTable());
    StructType schema = ref.table().latestInfo().schema();
    SqlNode condition = update.getCondition();
    Predicate pruning = pruning(prepare, context, ref, update.getAlias(), condition, sql);
    return DeltaStatements.update(context, sql, params, dc -> {
      List<Object> values = values(dc, params);
      Map<String, String> assignments = new LinkedHashMap<>();
      for (int i = 0; i < update.getTargetColumnList().size(); i++) {
        String column = column(schema, (SqlIdentifier) update.getTargetColumnList().get(i), ref);
        assignments.put(column, SparkSqlText.of(update.getSourceExpressionList().get(i), values, true));
      }
      String text = condition == null ? null : SparkSqlText.of(condition, values, true);
      return DmlBackend.executor(ref.schema().conf()).update(ref.table(), new UpdateSpec(pruning, text, assignments))
          .rowsAffected();
    });
  }

  static <T> CalciteSignature<T> merge(DeltaPrepare prepare, CalcitePrepare.Context context, SqlDeltaMerge merge,
      String sql) {
    TableRef ref = target(context, merge.target);
    StructType schema = ref.table().latestInfo().schema();
    String targetAlias = merge.targetAlias != null ? merge.targetAlias.getSimple() : ref.name();
    SqlNode source = merge.source;
    String sourceAlias;
    if (source.getKind() == SqlKind.AS) {
      sourceAlias = ((SqlIdentifier) ((SqlCall) source).operand(1)).getSimple();
      source = ((SqlCall) source).operand(0);
    } else if (source instanceof SqlIdentifier id) {
      sourceAlias = VersionSpec.baseName(id.names.get(id.names.size() - 1));
    } else {
      throw DeltaErrors.invalidArgument("The source of MERGE INTO " + ref.qualified() + " needs an alias: "
          + "USING (SELECT ...) AS s.");
    }
    String sourceText = DeltaStatements.slice(sql, source.getParserPosition());
    String query = "SELECT * FROM " + (source instanceof SqlIdentifier ? sourceText : "(" + sourceText + ")");
    CalciteSignature<Object> sourceQuery = prepare.prepareSql(context, CalcitePrepare.Query.of(query), Object[].class,
        -1);
    if (!sourceQuery.parameters.isEmpty()) {
      throw DeltaErrors.invalidArgument("Parameters (?) in the source of MERGE INTO " + ref.qualified()
          + " are not supported; use them in the ON condition or the WHEN clauses.");
    }
    StructType sourceSchema = DeltaTypes.schemaOf(sourceQuery.rowType);
    List<AvaticaParameter> params = untypedParameters(merge);
    String src = "`" + sourceAlias + "`.";
    return DeltaStatements.update(context, sql, params, dc -> {
      List<Object> values = values(dc, params);
      List<MergeClause> clauses = new ArrayList<>();
      for (SqlNode n : merge.clauses) {
        SqlDeltaMerge.Clause c = (SqlDeltaMerge.Clause) n;
        String cond = c.condition == null ? null : SparkSqlText.of(c.condition, values, false);
        Map<String, String> assignments = new LinkedHashMap<>();
        switch (c.kind) {
          case DELETE -> clauses.add(new MergeClause.MatchedDelete(cond));
          case UPDATE_ALL, INSERT_ALL -> {
            for (StructField f : schema.fields()) {
              int i = sourceSchema.indexOf(f.name());
              if (i < 0) {
                throw DeltaErrors.invalidArgument("MERGE INTO " + ref.qualified() + " ... " + (c.matched()
                    ? "UPDATE SET *" : "INSERT *") + " needs a source column for every target column, and the "
                    + "source has no column " + f.name() + ".");
              }
              assignments.put(f.name(), src + "`" + sourceSchema.field(i).name() + "`");
            }
            clauses.add(c.kind == SqlDeltaMerge.Clause.Kind.UPDATE_ALL
                ? new MergeClause.MatchedUpdate(cond, assignments) : new MergeClause.NotMatchedInsert(cond, assignments));
          }
          case UPDATE, INSERT -> {
            if (c.kind == SqlDeltaMerge.Clause.Kind.INSERT && c.columns.isEmpty()
                && c.values.size() != schema.size()) {
              throw DeltaErrors.invalidArgument("INSERT VALUES of MERGE INTO " + ref.qualified() + " gives "
                  + c.values.size() + " values for " + schema.size() + " columns; name the columns.");
            }
            for (int i = 0; i < c.values.size(); i++) {
              String column = c.columns.isEmpty() ? schema.field(i).name()
                  : column(schema, (SqlIdentifier) c.columns.get(i), ref);
              assignments.put(column, SparkSqlText.of(c.values.get(i), values, false));
            }
            clauses.add(c.kind == SqlDeltaMerge.Clause.Kind.UPDATE
                ? new MergeClause.MatchedUpdate(cond, assignments) : new MergeClause.NotMatchedInsert(cond, assignments));
          }
          default -> throw new IllegalStateException(c.kind.toString());
        }
      }
      List<Row> rows = new ArrayList<>();
      CalciteRows.toEngine(sourceQuery.enumerable(DeltaStatements.withInternals(dc, sourceQuery.internalParameters))
          .iterator(), sourceSchema).forEachRemaining(rows::add);
      MergeSpec spec = new MergeSpec(sourceSchema, rows, targetAlias, sourceAlias,
          SparkSqlText.of(merge.on, values, false), clauses);
      return DmlBackend.executor(ref.schema().conf()).merge(ref.table(), spec).rowsAffected();
    });
  }

  /** The target of a DML statement: an existing table at its latest version. */
  static TableRef target(CalcitePrepare.Context context, SqlNode node) {
    SqlIdentifier id = (SqlIdentifier) node;
    String last = id.names.get(id.names.size() - 1);
    // The name is checked before its suffix, so that a path is refused as a path (42602).
    io.deltajdbc.engine.warehouse.TableNames.requirePlain("table", VersionSpec.baseName(last));
    if (!VersionSpec.parse(last).isLatest()) {
      throw DeltaErrors.invalidArgument("Cannot change " + last + ": an old version of a table is read-only; "
          + "change " + VersionSpec.baseName(last) + ".");
    }
    return TableRef.resolve(context, id).requireExists();
  }

  /** The table's column a SET or INSERT target names (ignoring case and any qualifier). */
  static String column(StructType schema, SqlIdentifier id, TableRef ref) {
    String name = id.names.get(id.names.size() - 1);
    return schema.fields().stream().map(StructField::name).filter(n -> n.equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> DeltaErrors.columnNotFound(ref.qualified(), name, schema.fieldNames()));
  }

  /**
   * The part of the condition Calcite pushes into a scan of the table: the engine predicate that
   * prunes partitions and skips files by statistics. Null when nothing can be pushed.
   */
  static Predicate pruning(DeltaPrepare prepare, CalcitePrepare.Context context, TableRef ref,
      SqlIdentifier alias, SqlNode condition, String sql) {
    return condition == null ? null
        : pruning(prepare, context, ref, alias, DeltaStatements.slice(sql, condition.getParserPosition()));
  }

  /** {@link #pruning} of a condition given as SQL text. */
  static Predicate pruning(DeltaPrepare prepare, CalcitePrepare.Context context, TableRef ref, SqlIdentifier alias,
      String condition) {
    String query = "SELECT * FROM \"" + ref.schemaName() + "\".\"" + ref.name() + "\""
        + (alias == null ? "" : " AS \"" + alias.getSimple() + "\"") + " WHERE " + condition;
    try {
      CalciteSignature<Object> s = prepare.prepareSql(context, CalcitePrepare.Query.of(query), Object[].class, -1);
      for (Object v : s.internalParameters.values()) {
        if (v instanceof DeltaQuery q) {
          return q.filter();
        }
      }
    } catch (RuntimeException e) {
      // The statement was validated already; a condition Calcite cannot plan as a query just prunes nothing.
    }
    return null;
  }

  /** Validates UPDATE or DELETE with Calcite's validator; returns the parameters with their inferred types. */
  private static List<AvaticaParameter> validate(CalcitePrepare.Context context, SqlNode node) {
    CalciteCatalogReader reader = new CalciteCatalogReader(context.getRootSchema(), context.getDefaultSchemaPath(),
        context.getTypeFactory(), context.config());
    SqlOperatorTable operators = context.config().fun(SqlOperatorTable.class, SqlStdOperatorTable.instance());
    SqlValidator validator = SqlValidatorUtil.newValidator(operators, reader, context.getTypeFactory(),
        SqlValidator.Config.DEFAULT.withConformance(context.config().conformance()));
    SqlNode validated = validator.validate(node);
    RelDataType types = validator.getParameterRowType(validated);
    List<AvaticaParameter> params = new ArrayList<>();
    for (RelDataTypeField f : types.getFieldList()) {
      RelDataType t = f.getType();
      params.add(new AvaticaParameter(SqlTypeUtil.isNumeric(t), Math.max(t.getPrecision(), 0), Math.max(t.getScale(), 0),
          t.getSqlTypeName().getJdbcOrdinal(), t.getSqlTypeName().getName(), Object.class.getName(), f.getName()));
    }
    return params;
  }

  /** Parameters of a statement Calcite cannot validate (MERGE): any value, bound as given. */
  private static List<AvaticaParameter> untypedParameters(SqlNode node) {
    int[] count = {0};
    node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlDynamicParam param) {
        count[0] = Math.max(count[0], param.getIndex() + 1);
        return param;
      }
    });
    List<AvaticaParameter> params = new ArrayList<>();
    for (int i = 0; i < count[0]; i++) {
      params.add(new AvaticaParameter(false, 0, 0, Types.OTHER, "ANY", Object.class.getName(), "?" + i));
    }
    return params;
  }

  private static List<Object> values(DataContext dc, List<AvaticaParameter> params) {
    List<Object> out = new ArrayList<>(params.size());
    for (int i = 0; i < params.size(); i++) {
      out.add(dc.get("?" + i));
    }
    return out;
  }
}
