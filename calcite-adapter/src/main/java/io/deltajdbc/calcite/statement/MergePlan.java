package io.deltajdbc.calcite.statement;

import io.deltajdbc.calcite.runtime.StatementExpressions;
import io.deltajdbc.calcite.sql.ast.SqlDeltaMerge;
import io.deltajdbc.calcite.statement.ddl.TableRef;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.dml.DmlFunction;
import io.deltajdbc.engine.dml.MergeClause;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The WHEN clauses of a MERGE with every value spelled out ({@code UPDATE SET *} and {@code INSERT
 * *} as the source's columns), and the order in which the ON condition, the clauses' conditions and
 * their values are planned: expression 0 is ON, then per clause its condition (if any) and its
 * values.
 */
final class MergePlan {
  private record Clause(
      SqlDeltaMerge.Clause.Kind kind,
      SqlNode condition,
      List<String> columns,
      List<SqlNode> values) {}

  private final SqlNode on;
  private final List<Clause> clauses;
  private final StructType schema;
  private final TableRef ref;

  private MergePlan(SqlNode on, List<Clause> clauses, StructType schema, TableRef ref) {
    this.on = on;
    this.clauses = clauses;
    this.schema = schema;
    this.ref = ref;
  }

  static MergePlan of(
      SqlDeltaMerge merge,
      StructType schema,
      StructType sourceSchema,
      String sourceAlias,
      TableRef ref) {
    List<Clause> clauses = new ArrayList<>();
    for (SqlNode n : merge.clauses) {
      SqlDeltaMerge.Clause c = (SqlDeltaMerge.Clause) n;
      List<String> columns = new ArrayList<>();
      List<SqlNode> values = new ArrayList<>();
      switch (c.kind) {
        case DELETE -> {}
        case UPDATE_ALL, INSERT_ALL -> {
          for (StructField f : schema.fields()) {
            int i = sourceSchema.indexOf(f.name());
            if (i < 0) {
              throw DeltaErrors.invalidArgument(
                  "MERGE INTO "
                      + ref.qualified()
                      + " ... "
                      + (c.matched() ? "UPDATE SET *" : "INSERT *")
                      + " needs a source column for every target column, and the "
                      + "source has no column "
                      + f.name()
                      + ".");
            }
            columns.add(f.name());
            values.add(
                new SqlIdentifier(
                    List.of(sourceAlias, sourceSchema.field(i).name()), SqlParserPos.ZERO));
          }
        }
        case UPDATE, INSERT -> {
          if (c.kind == SqlDeltaMerge.Clause.Kind.INSERT
              && c.columns.isEmpty()
              && c.values.size() != schema.size()) {
            throw DeltaErrors.invalidArgument(
                "INSERT VALUES of MERGE INTO "
                    + ref.qualified()
                    + " gives "
                    + c.values.size()
                    + " values for "
                    + schema.size()
                    + " columns; name the columns.");
          }
          for (int i = 0; i < c.values.size(); i++) {
            columns.add(
                c.columns.isEmpty()
                    ? schema.field(i).name()
                    : MergeStatement.column(schema, (SqlIdentifier) c.columns.get(i), ref));
            values.add(c.values.get(i));
          }
        }
        default -> throw new IllegalStateException(c.kind.toString());
      }
      clauses.add(new Clause(c.kind, c.condition, columns, values));
    }
    return new MergePlan(merge.on, clauses, schema, ref);
  }

  /** The expressions to plan, in the order {@link #clauses} reads them. */
  List<SqlNode> expressions(CalcitePrepare.Context context) {
    List<SqlNode> out = new ArrayList<>();
    out.add(on);
    for (Clause c : clauses) {
      if (c.condition() != null) {
        out.add(c.condition());
      }
      for (int i = 0; i < c.values().size(); i++) {
        out.add(
            MergeStatement.typedParameter(
                c.values().get(i), schema.get(c.columns().get(i)).orElseThrow().type(), context));
      }
    }
    return out;
  }

  /**
   * The clauses for the engine, their conditions and values as functions (added to {@code
   * functions}).
   */
  List<MergeClause> clauses(StatementExpressions e, List<DmlFunction> functions) {
    List<MergeClause> out = new ArrayList<>();
    int next = 1;
    for (Clause c : clauses) {
      boolean insert =
          c.kind() == SqlDeltaMerge.Clause.Kind.INSERT
              || c.kind() == SqlDeltaMerge.Clause.Kind.INSERT_ALL;
      String condition = null;
      if (c.condition() != null) {
        requireSourceOnly(e, next, insert, "condition");
        DmlFunction f =
            e.condition(
                next++,
                (insert ? "WHEN NOT MATCHED" : "WHEN MATCHED") + " condition",
                MergeStatement.text(c.condition()));
        functions.add(f);
        condition = f.call();
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < c.values().size(); i++) {
        String column = c.columns().get(i);
        requireSourceOnly(e, next, insert, "value for column " + column);
        DmlFunction f =
            e.value(
                next++,
                schema.get(column).orElseThrow().type(),
                "value for column " + column,
                MergeStatement.text(c.values().get(i)));
        functions.add(f);
        values.put(column, f.call());
      }
      out.add(
          switch (c.kind()) {
            case DELETE -> new MergeClause.MatchedDelete(condition);
            case UPDATE, UPDATE_ALL -> new MergeClause.MatchedUpdate(condition, values);
            case INSERT, INSERT_ALL -> new MergeClause.NotMatchedInsert(condition, values);
          });
    }
    return out;
  }

  /** A NOT MATCHED clause has no target row: its expressions may read the source only. */
  private void requireSourceOnly(StatementExpressions e, int i, boolean insert, String what) {
    if (insert && e.fields(i).nextSetBit(0) >= 0 && e.fields(i).nextSetBit(0) < schema.size()) {
      throw DeltaErrors.invalidArgument(
          "The "
              + what
              + " of a WHEN NOT MATCHED clause of MERGE INTO "
              + ref.qualified()
              + " refers to a target column; it can only refer to the source's columns.");
    }
  }
}
