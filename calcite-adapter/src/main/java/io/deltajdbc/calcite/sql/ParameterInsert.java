package io.deltajdbc.calcite.sql;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.ddl.TableRef;
import io.deltajdbc.calcite.internal.DeltaTypes;
import io.deltajdbc.calcite.sql.ast.SqlDeltaInsert;
import io.deltajdbc.calcite.write.BatchInsert;
import io.deltajdbc.calcite.write.DeltaWrites;
import io.deltajdbc.engine.internal.DeltaErrors;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code INSERT INTO t [(columns)] VALUES (?, ..., ?)}, the statement of batch loading: each
 * execution's parameters are one row, converted to the columns' types and written by the engine
 * without running Calcite's generated code per row. A batch of them is one commit.
 */
final class ParameterInsert {
  private ParameterInsert() {}

  /** True for an INSERT of one VALUES row made only of parameters. */
  static boolean matches(SqlNode node) {
    if (!(node instanceof SqlInsert insert) || node instanceof SqlDeltaInsert || insert.isUpsert() || !(insert.getSource() instanceof SqlBasicCall values)
        || values.getKind() != SqlKind.VALUES || values.operandCount() != 1
        || !(values.operand(0) instanceof SqlBasicCall row)) {
      return false;
    }
    return row.getOperandList().stream().allMatch(o -> o instanceof SqlDynamicParam);
  }

  static <T> CalciteSignature<T> prepare(CalcitePrepare.Context context, SqlInsert insert, String sql) {
    TableRef ref = DmlStatements.target(context, insert.getTargetTable());
    DeltaCalciteTable table = (DeltaCalciteTable) ref.schema().tables().get(ref.name());
    StructType schema = table.schema();
    int width = ((SqlBasicCall) ((SqlBasicCall) insert.getSource()).operand(0)).operandCount();
    int[] columns = new int[width];
    if (insert.getTargetColumnList() != null) {
      if (insert.getTargetColumnList().size() != width) {
        throw DeltaErrors.invalidArgument("INSERT INTO " + ref.qualified() + " names " + insert.getTargetColumnList()
            .size() + " columns but gives " + width + " values.");
      }
      for (int i = 0; i < width; i++) {
        columns[i] = schema.indexOf(DmlStatements.column(schema, (SqlIdentifier) insert.getTargetColumnList().get(i),
            ref));
      }
    } else {
      if (width != schema.size()) {
        throw DeltaErrors.invalidArgument("INSERT INTO " + ref.qualified() + " gives " + width + " values for "
            + schema.size() + " columns " + schema.fieldNames() + "; name the columns to insert fewer.");
      }
      for (int i = 0; i < width; i++) {
        columns[i] = i;
      }
    }
    List<AvaticaParameter> params = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      RelDataType t = DeltaTypes.type(context.getTypeFactory(), schema.field(columns[i]).type());
      params.add(new AvaticaParameter(SqlTypeUtil.isNumeric(t), Math.max(t.getPrecision(), 0),
          Math.max(t.getScale(), 0), t.getSqlTypeName().getJdbcOrdinal(), t.getSqlTypeName().getName(),
          Object.class.getName(), schema.field(columns[i]).name()));
    }
    return new Signature<>(context, sql, params, table, columns, schema.size());
  }

  /** The signature of a parameter INSERT: executes one row, or a batch of rows at once. */
  static final class Signature<T> extends CalciteSignature<T> implements BatchInsert {
    private final DeltaCalciteTable table;
    private final int[] columns;
    private final int width;

    Signature(CalcitePrepare.Context context, String sql, List<AvaticaParameter> params, DeltaCalciteTable table,
        int[] columns, int width) {
      super(sql, params, Map.of(), DeltaStatements.rowCountType(context), List.of(DeltaStatements.rowCountColumn()),
          Meta.CursorFactory.OBJECT, context.getRootSchema(), List.of(), -1,
          DeltaStatements.countOf(dc -> {
            Object[] row = new Object[width];
            for (int i = 0; i < columns.length; i++) {
              row[columns[i]] = dc.get("?" + i);
            }
            return DeltaWrites.insertRows(table, List.<Object[]>of(row));
          }), Meta.StatementType.IS_DML);
      this.table = table;
      this.columns = columns;
      this.width = width;
    }

    @Override
    public long insertAll(List<List<Object>> parameterRows) {
      List<Object[]> rows = new ArrayList<>(parameterRows.size());
      for (List<Object> values : parameterRows) {
        Object[] row = new Object[width];
        for (int i = 0; i < columns.length; i++) {
          row[columns[i]] = values.get(i);
        }
        rows.add(row);
      }
      return DeltaWrites.insertRows(table, rows);
    }
  }
}
