package io.deltajdbc.calcite.sql;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.rel.DeltaQuery;
import io.deltajdbc.calcite.statement.ddl.TableRef;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * {@code SELECT * FROM t} on a table wider than Calcite validates in reasonable time: Calcite's
 * validator looks each of the star's columns up in the whole row, several times, so a 10,000-column
 * SELECT * spends tens of seconds before its first row. This plans the statement directly: every
 * column, in order, scanned by the same {@link DeltaQuery} a planned scan runs (cancel, timeout and
 * memory checks included). Narrower tables and any other query keep Calcite's planner.
 */
final class WideSelect {
  /**
   * Above this width the validator's cost (the square of the width) is seconds; below it, Calcite
   * plans.
   */
  static final int MIN_COLUMNS = 1000;

  private WideSelect() {}

  /** The direct signature of a plain {@code SELECT * FROM t} on a wide Delta table, or null. */
  static <T> CalciteSignature<T> prepare(CalcitePrepare.Context context, SqlNode node, String sql) {
    if (!(node instanceof SqlSelect select)
        || select.getSelectList().size() != 1
        || !(select.getSelectList().get(0) instanceof SqlIdentifier star)
        || !star.isStar()
        || star.names.size() != 1
        || !(select.getFrom() instanceof SqlIdentifier from)
        || select.getWhere() != null
        || select.getGroup() != null
        || select.getHaving() != null
        || select.getWindowList().size() > 0
        || select.getOrderList() != null
        || select.getOffset() != null
        || select.getFetch() != null
        || select.isDistinct()) {
      return null;
    }
    DeltaCalciteTable table;
    try {
      TableRef ref = TableRef.resolve(context, from);
      if (!(ref.schema().tables().get(ref.name()) instanceof DeltaCalciteTable t)) {
        return null;
      }
      table = t;
    } catch (RuntimeException e) {
      return null; // Calcite reports the name
    }
    JavaTypeFactory types = context.getTypeFactory();
    RelDataType rowType = table.getRowType(types);
    if (rowType.getFieldCount() < MIN_COLUMNS
        || !rowType.getFieldList().stream()
            .allMatch(
                f ->
                    f.getType().getComponentType() == null
                        && !f.getType().isStruct()
                        && f.getType().getKeyType() == null)) {
      return null;
    }
    List<ColumnMetaData> columns = new ArrayList<>(rowType.getFieldCount());
    for (RelDataTypeField f : rowType.getFieldList()) {
      columns.add(column(types, f, table.name()));
    }
    DeltaQuery query = DeltaQuery.allColumns(table);
    @SuppressWarnings("unchecked")
    Bindable<T> rows = dc -> (Enumerable<T>) (Enumerable<?>) query.enumerable(dc, false);
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
        rows,
        Meta.StatementType.SELECT);
  }

  /**
   * A scalar column's metadata as Calcite gives it: the Java class of its values decides the
   * representation.
   */
  private static ColumnMetaData column(JavaTypeFactory types, RelDataTypeField f, String table) {
    RelDataType t = f.getType();
    ColumnMetaData.AvaticaType type =
        ColumnMetaData.scalar(
            t.getSqlTypeName().getJdbcOrdinal(),
            t.getSqlTypeName().getName(),
            ColumnMetaData.Rep.of(types.getJavaClass(t)));
    return new ColumnMetaData(
        f.getIndex(),
        false,
        true,
        false,
        false,
        t.isNullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        true,
        t.getPrecision(),
        f.getName(),
        f.getName(),
        null,
        Math.max(t.getPrecision(), 0),
        Math.max(t.getScale(), 0),
        table,
        null,
        type,
        true,
        false,
        false,
        type.columnClassName());
  }
}
