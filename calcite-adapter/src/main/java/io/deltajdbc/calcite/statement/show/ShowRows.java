package io.deltajdbc.calcite.statement.show;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The result set of a SHOW or DESCRIBE statement, or of a table utility: Spark's column names,
 * strings, booleans and longs, rows computed each time the statement executes, so a prepared SHOW
 * TABLES sees new tables.
 */
public record ShowRows(List<String> names, List<Class<?>> types, Supplier<List<Object[]>> rows) {
  public ShowRows {
    requireNonNull(names, "names");
    requireNonNull(types, "types");
    requireNonNull(rows, "rows");
  }

  /** String columns only. */
  public static ShowRows strings(List<String> names, Supplier<List<Object[]>> rows) {
    return new ShowRows(names, names.stream().<Class<?>>map(n -> String.class).toList(), rows);
  }

  public <T> CalciteSignature<T> signature(CalcitePrepare.Context context, String sql) {
    RelDataTypeFactory types = context.getTypeFactory();
    RelDataTypeFactory.Builder row = types.builder();
    List<ColumnMetaData> columns = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      Class<?> c = this.types.get(i);
      SqlTypeName type =
          c == Boolean.class
              ? SqlTypeName.BOOLEAN
              : c == Long.class ? SqlTypeName.BIGINT : SqlTypeName.VARCHAR;
      row.add(names.get(i), types.createTypeWithNullability(types.createSqlType(type), true));
      columns.add(MetaImpl.columnMetaData(names.get(i), i, this.types.get(i), true));
    }
    RelDataType rowType = row.build();
    @SuppressWarnings("unchecked")
    Bindable<T> bindable = dc -> (Enumerable<T>) (Enumerable<?>) Linq4j.asEnumerable(rows.get());
    return new CalciteSignature<>(
        sql,
        List.of(),
        Map.of(),
        rowType,
        columns,
        Meta.CursorFactory.ARRAY,
        context.getRootSchema(),
        List.of(),
        -1,
        bindable,
        Meta.StatementType.SELECT);
  }
}
