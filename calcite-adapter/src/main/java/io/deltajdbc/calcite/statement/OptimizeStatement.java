package io.deltajdbc.calcite.statement;

import io.deltajdbc.calcite.StatementWarnings;
import io.deltajdbc.calcite.internal.PredicateTranslator;
import io.deltajdbc.calcite.runtime.DmlBackend;
import io.deltajdbc.calcite.runtime.DmlPlanner;
import io.deltajdbc.calcite.sql.ast.SqlDeltaUtility;
import io.deltajdbc.calcite.statement.ddl.TableRef;
import io.deltajdbc.calcite.utility.OptimizeRows;
import io.deltajdbc.calcite.utility.ResultRows;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.engine.utilities.OptimizeRequest;
import io.deltajdbc.engine.utilities.OptimizeResult;
import io.deltajdbc.engine.utilities.OptimizeRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * {@code OPTIMIZE t [WHERE predicate] [ZORDER BY (c, ...)]}: the predicate is validated and planned
 * as a query's condition would be, and must become an engine predicate over partition columns as a
 * whole; the engine's OPTIMIZE runs when the statement executes, in the driver's JVM or, for a
 * rewrite of at least {@code deltajdbc.optimize.backendMinBytes} (256 MiB), on the Spark backend
 * when it can run here, and answers with delta-spark's {@code path} and {@code metrics}; a warning
 * on the statement says where the files were rewritten. The commit records the predicate as
 * delta-spark does (Spark's text of the parsed predicate: {@code ('part = a)}).
 */
final class OptimizeStatement {
  private OptimizeStatement() {}

  static <T> CalciteSignature<T> prepare(
      CalcitePrepare.Context context, SqlDeltaUtility u, TableRef ref, String sql) {
    DeltaTable table = ref.table();
    OptimizeRequest request = OptimizeRequest.all();
    if (u.where != null) {
      String text = sparkText(u.where);
      StructType schema = table.latestInfo().schema();
      DmlPlanner.Planned planned = DmlPlanner.plan(context, u.table, List.of(u.where));
      PredicateTranslator.Split split =
          new PredicateTranslator(
                  schema.fieldNames(),
                  schema.fields().stream().map(StructField::type).toList(),
                  planned.rexBuilder())
              .split(planned.expressions().get(0));
      if (split.pushed() == null || !split.remaining().isEmpty()) {
        throw DeltaErrors.invalidArgument(
            "OPTIMIZE "
                + ref.qualified()
                + " WHERE "
                + text
                + ": the predicate must compare partition columns with constants; only the "
                + "partition columns "
                + table.latestInfo().metadata().partitionColumns()
                + " may be referenced.");
      }
      request = request.where(split.pushed(), text);
    }
    if (u.zOrderBy != null && !u.zOrderBy.isEmpty()) {
      List<String> columns = new ArrayList<>();
      for (SqlNode c : u.zOrderBy) {
        columns.add(((SqlIdentifier) c).getSimple());
      }
      request = request.zOrderBy(columns);
    }
    OptimizeRequest asked = request.largeRewritesOn(() -> backend(ref));
    return new ResultRows(
            OptimizeRows.SCHEMA,
            () -> {
              OptimizeResult result = table.optimize(asked);
              if (result.version() >= 0) {
                StatementWarnings.add(
                    "OPTIMIZE of "
                        + ref.qualified()
                        + " rewrote "
                        + result.metrics().numFilesRemoved()
                        + " files ("
                        + result.metrics().filesRemoved().totalSize()
                        + " bytes) in "
                        + result.rewrittenOn()
                        + ".");
              }
              return List.of(OptimizeRows.of(result));
            })
        .signature(context, sql);
  }

  /**
   * The Spark backend's runner for a large rewrite, or null when the backend cannot run here (the
   * rewrite then runs in this JVM).
   */
  private static OptimizeRunner backend(TableRef ref) {
    try {
      return DmlBackend.executor(ref.schema().conf()).optimizer();
    } catch (DeltaException e) {
      if (e.code() == ErrorCode.EXECUTION_BACKEND_UNAVAILABLE) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Spark's text of a parsed predicate, as delta-spark records OPTIMIZE's: {@code ('part = a)},
   * {@code ('part IN (a,b))}, {@code (('a = 1) AND ('b > 2))}.
   */
  static String sparkText(SqlNode n) {
    if (n instanceof SqlIdentifier id) {
      return "'" + String.join(".", id.names);
    }
    if (n instanceof SqlCharStringLiteral s) {
      return s.getValueAs(String.class);
    }
    if (n instanceof SqlLiteral l) {
      return l.toValue() == null ? "null" : l.toValue();
    }
    if (n instanceof SqlBasicCall call) {
      List<SqlNode> ops = call.getOperandList();
      SqlKind kind = call.getKind();
      switch (kind) {
        case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, AND, OR:
          return "("
              + sparkText(ops.get(0))
              + " "
              + call.getOperator().getName()
              + " "
              + sparkText(ops.get(1))
              + ")";
        case NOT_EQUALS:
          return "NOT (" + sparkText(ops.get(0)) + " = " + sparkText(ops.get(1)) + ")";
        case IN:
          return "("
              + sparkText(ops.get(0))
              + " IN ("
              + ((SqlNodeList) ops.get(1))
                  .stream().map(OptimizeStatement::sparkText).collect(Collectors.joining(","))
              + "))";
        case IS_NULL:
          return "isnull(" + sparkText(ops.get(0)) + ")";
        case IS_NOT_NULL:
          return "isnotnull(" + sparkText(ops.get(0)) + ")";
        case NOT:
          return "NOT " + sparkText(ops.get(0));
        default:
          break;
      }
    }
    return n instanceof SqlCall ? n.toString() : String.valueOf(n);
  }
}
