package io.deltajdbc.calcite.statement;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.internal.DeltaTypes;
import io.deltajdbc.calcite.runtime.BatchInsert;
import io.deltajdbc.calcite.runtime.DeltaWrites;
import io.deltajdbc.calcite.sql.ast.SqlDeltaInsert;
import io.deltajdbc.calcite.statement.ddl.TableRef;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code INSERT INTO t [(columns)] VALUES (...), ...} whose values are parameters and literals: the
 * statement of batch loading ({@code VALUES (?, ..., ?)}, each execution's parameters one row) and
 * of pasted rows. The values are converted to the columns' types and written by the engine without
 * Calcite's planner and generated code, which grow with the number of columns: the generated method
 * of a 10,000-column VALUES row exceeds the JVM's 64 KB limit after minutes of planning, while this
 * path takes the same time per value at any width. A batch of executions is one commit. Anything
 * else in VALUES (expressions, ARRAY, ROW) is Calcite's.
 */
public final class ParameterInsert {
  /**
   * The widest table an INSERT planned by Calcite may target. Calcite's planning of a row grows
   * with the square of its width (measured on 2 cores: INSERT ... SELECT of 1,000 columns 3 s, of
   * 10,000 columns 93 s; VALUES of 2,000 columns 4 s, of 10,000 columns 94 s and then Janino's
   * "Code grows beyond 64 KB"); beyond this width the statement fails at once instead.
   */
  static final int CALCITE_MAX_COLUMNS = 2000;

  private ParameterInsert() {}

  /**
   * Refuses an INSERT this class does not handle (INSERT ... SELECT, VALUES with expressions) into
   * a table wider than {@link #CALCITE_MAX_COLUMNS}, with TOO_MANY_COLUMNS (54011).
   */
  public static void refuseTooWide(CalcitePrepare.Context context, SqlNode node) {
    if (!(node instanceof SqlInsert insert)
        || node instanceof SqlDeltaInsert
        || matches(node)
        || !(insert.getTargetTable() instanceof SqlIdentifier target)) {
      return;
    }
    TableRef ref;
    int width;
    try {
      ref = TableRef.resolve(context, target);
      if (!(ref.schema().tables().get(ref.name()) instanceof DeltaCalciteTable table)) {
        return;
      }
      width = table.schema().size();
    } catch (RuntimeException e) {
      return; // a name that does not resolve: Calcite's validation reports it
    }
    if (width > CALCITE_MAX_COLUMNS) {
      throw DeltaErrors.tooManyColumns(
          ref.qualified(),
          width,
          CALCITE_MAX_COLUMNS,
          "INSERT ... SELECT and VALUES "
              + "with expressions are evaluated by generated code that cannot hold a row this wide; INSERT ... VALUES "
              + "of literals and parameters (INSERT INTO "
              + ref.qualified()
              + " VALUES (?, ?, ...)) works at any width.");
    }
  }

  /** True for an INSERT of VALUES rows made only of parameters and plain literals. */
  static boolean matches(SqlNode node) {
    if (!(node instanceof SqlInsert insert)
        || node instanceof SqlDeltaInsert
        || insert.isUpsert()
        || !(insert.getSource() instanceof SqlBasicCall values)
        || values.getKind() != SqlKind.VALUES
        || values.operandCount() == 0) {
      return false;
    }
    int width = -1;
    for (SqlNode r : values.getOperandList()) {
      if (!(r instanceof SqlBasicCall row)
          || row.getKind() != SqlKind.ROW
          || (width >= 0 && row.operandCount() != width)) {
        return false;
      }
      width = row.operandCount();
      if (!row.getOperandList().stream().allMatch(ValuesCell::isPlain)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The statement's signature, or null when its target is not a table of a warehouse schema this
   * resolves (a folder of a schema, an old version): Calcite then plans it, and reports what is
   * wrong.
   */
  static <T> CalciteSignature<T> prepare(
      CalcitePrepare.Context context, SqlInsert insert, String sql) {
    TableRef ref;
    DeltaCalciteTable table;
    try {
      ref = MergeStatement.target(context, insert.getTargetTable());
      if (!(ref.schema().tables().get(ref.name()) instanceof DeltaCalciteTable t)) {
        return null;
      }
      table = t;
    } catch (RuntimeException e) {
      return null;
    }
    StructType schema = table.schema();
    List<SqlNode> rows = ((SqlBasicCall) insert.getSource()).getOperandList();
    int width = ((SqlBasicCall) rows.get(0)).operandCount();
    int[] columns = columns(insert, ref, schema, width);
    List<ValuesCell[]> template = new ArrayList<>(rows.size());
    List<AvaticaParameter> params = new ArrayList<>();
    for (SqlNode r : rows) {
      List<SqlNode> cells = ((SqlBasicCall) r).getOperandList();
      ValuesCell[] row = new ValuesCell[width];
      for (int i = 0; i < width; i++) {
        row[i] = ValuesCell.of(cells.get(i), schema.field(columns[i]).type());
        if (cells.get(i) instanceof SqlDynamicParam) {
          params.add(parameter(context, schema, columns[i]));
        }
      }
      template.add(row);
    }
    return new Signature<>(context, sql, params, table, columns, schema.size(), template);
  }

  /**
   * The table column of each value: the named ones, else the first {@code width} (the others are
   * NULL).
   */
  private static int[] columns(SqlInsert insert, TableRef ref, StructType schema, int width) {
    int[] columns = new int[width];
    if (insert.getTargetColumnList() != null) {
      if (insert.getTargetColumnList().size() != width) {
        throw DeltaErrors.invalidArgument(
            "INSERT INTO "
                + ref.qualified()
                + " names "
                + insert.getTargetColumnList().size()
                + " columns but gives "
                + width
                + " values.");
      }
      for (int i = 0; i < width; i++) {
        columns[i] =
            schema.indexOf(
                MergeStatement.column(
                    schema, (SqlIdentifier) insert.getTargetColumnList().get(i), ref));
      }
      return columns;
    }
    if (width > schema.size()) {
      throw DeltaErrors.invalidArgument(
          "INSERT INTO "
              + ref.qualified()
              + " gives "
              + width
              + " values for "
              + schema.size()
              + " columns "
              + abbreviated(schema.fieldNames())
              + ".");
    }
    for (int i = 0; i < width; i++) {
      columns[i] = i;
    }
    return columns;
  }

  private static String abbreviated(List<String> names) {
    return names.size() <= 20
        ? names.toString()
        : names.subList(0, 20).toString().replace("]", ", ...]");
  }

  private static AvaticaParameter parameter(
      CalcitePrepare.Context context, StructType schema, int column) {
    RelDataType t = DeltaTypes.type(context.getTypeFactory(), schema.field(column).type());
    return new AvaticaParameter(
        SqlTypeUtil.isNumeric(t),
        Math.max(t.getPrecision(), 0),
        Math.max(t.getScale(), 0),
        t.getSqlTypeName().getJdbcOrdinal(),
        t.getSqlTypeName().getName(),
        Object.class.getName(),
        schema.field(column).name());
  }

  /**
   * The signature of a VALUES INSERT: executes its rows once, or once per parameter list of a
   * batch.
   */
  static final class Signature<T> extends CalciteSignature<T> implements BatchInsert {
    private final DeltaCalciteTable table;
    private final int[] columns;
    private final int width;
    private final List<ValuesCell[]> template;

    Signature(
        CalcitePrepare.Context context,
        String sql,
        List<AvaticaParameter> params,
        DeltaCalciteTable table,
        int[] columns,
        int width,
        List<ValuesCell[]> template) {
      super(
          sql,
          params,
          Map.of(),
          DeltaStatements.rowCountType(context),
          List.of(DeltaStatements.rowCountColumn()),
          Meta.CursorFactory.OBJECT,
          context.getRootSchema(),
          List.of(),
          -1,
          DeltaStatements.countOf(
              dc -> {
                Object[] values = new Object[params.size()];
                for (int i = 0; i < values.length; i++) {
                  values[i] = dc.get("?" + i);
                }
                return DeltaWrites.insertRows(
                    table, rows(template, columns, width, Arrays.asList(values)));
              }),
          Meta.StatementType.IS_DML);
      this.table = table;
      this.columns = columns;
      this.width = width;
      this.template = template;
    }

    @Override
    public long insertAll(List<List<Object>> parameterRows) {
      List<Object[]> rows = new ArrayList<>(parameterRows.size() * template.size());
      for (List<Object> values : parameterRows) {
        rows.addAll(rows(template, columns, width, values));
      }
      return DeltaWrites.insertRows(table, rows);
    }

    /**
     * The table rows of one execution: the template's cells with the parameters in place, other
     * columns NULL.
     */
    private static List<Object[]> rows(
        List<ValuesCell[]> template, int[] columns, int width, List<Object> params) {
      List<Object[]> rows = new ArrayList<>(template.size());
      for (ValuesCell[] cells : template) {
        Object[] row = new Object[width];
        for (int i = 0; i < cells.length; i++) {
          row[columns[i]] = cells[i].value(params);
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
