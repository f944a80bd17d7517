package io.deltajdbc.calcite.utility;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.calcite.internal.CalciteValues;
import io.deltajdbc.calcite.internal.DeltaTypes;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.runtime.Bindable;

/**
 * The result set of a table utility whose columns are an engine schema (OPTIMIZE's {@code path} and
 * {@code metrics} struct), computed by {@code rows} each time the statement executes: the
 * statement's work happens then, once per execution. Struct columns reach the client as {@code
 * java.sql.Struct}, as Delta struct columns of a query do.
 */
public record ResultRows(StructType schema, Supplier<List<Row>> rows) {
  public ResultRows {
    requireNonNull(schema, "schema");
    requireNonNull(rows, "rows");
  }

  public <T> CalciteSignature<T> signature(CalcitePrepare.Context context, String sql) {
    List<ColumnMetaData> columns = new ArrayList<>(schema.size());
    for (int i = 0; i < schema.size(); i++) {
      columns.add(column(i, schema.field(i)));
    }
    @SuppressWarnings("unchecked")
    Bindable<T> bindable = dc -> (Enumerable<T>) (Enumerable<?>) Linq4j.asEnumerable(calciteRows());
    return new CalciteSignature<>(
        sql,
        List.of(),
        Map.of(),
        DeltaTypes.rowType(context.getTypeFactory(), schema),
        columns,
        Meta.CursorFactory.ARRAY,
        context.getRootSchema(),
        List.of(),
        -1,
        bindable,
        Meta.StatementType.SELECT);
  }

  private List<Object[]> calciteRows() {
    List<Object[]> out = new ArrayList<>();
    for (Row r : rows.get()) {
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = CalciteValues.toCalcite(r.get(i), schema.field(i).type());
      }
      out.add(values);
    }
    return out;
  }

  private static ColumnMetaData column(int ordinal, StructField f) {
    ColumnMetaData.AvaticaType type = type(f.type());
    return new ColumnMetaData(
        ordinal,
        false,
        true,
        false,
        false,
        f.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        true,
        -1,
        f.name(),
        f.name(),
        null,
        -1,
        0,
        null,
        null,
        type,
        true,
        false,
        false,
        type.columnClassName());
  }

  private static ColumnMetaData.AvaticaType type(DataType t) {
    if (t instanceof StructType s) {
      List<ColumnMetaData> fields = new ArrayList<>(s.size());
      for (int i = 0; i < s.size(); i++) {
        fields.add(column(i, s.field(i)));
      }
      return ColumnMetaData.struct(fields);
    }
    if (t == PrimitiveType.LONG) {
      return ColumnMetaData.scalar(Types.BIGINT, "BIGINT", ColumnMetaData.Rep.LONG);
    }
    if (t == PrimitiveType.INTEGER) {
      return ColumnMetaData.scalar(Types.INTEGER, "INTEGER", ColumnMetaData.Rep.INTEGER);
    }
    if (t == PrimitiveType.DOUBLE) {
      return ColumnMetaData.scalar(Types.DOUBLE, "DOUBLE", ColumnMetaData.Rep.DOUBLE);
    }
    if (t == PrimitiveType.BOOLEAN) {
      return ColumnMetaData.scalar(Types.BOOLEAN, "BOOLEAN", ColumnMetaData.Rep.BOOLEAN);
    }
    if (t == PrimitiveType.STRING) {
      return ColumnMetaData.scalar(Types.VARCHAR, "VARCHAR", ColumnMetaData.Rep.STRING);
    }
    throw DeltaErrors.invalidArgument("A result column of type " + t + " is not supported.");
  }
}
