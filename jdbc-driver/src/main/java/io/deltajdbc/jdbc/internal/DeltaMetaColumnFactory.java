package io.deltajdbc.jdbc.internal;

import java.sql.DatabaseMetaData;
import java.util.List;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.jdbc.CalciteMetaColumnFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Table;

/**
 * Columns in {@code DatabaseMetaData.getColumns} described by {@link ColumnType} from the column's
 * SQL type: a bare TYPE_NAME and the COLUMN_SIZE, DECIMAL_DIGITS and CHAR_OCTET_LENGTH JDBC
 * defines. Calcite's own factory passes the full type string ({@code DECIMAL(12, 2)},
 * {@code BIGINT NOT NULL}), which tools print with precision and nullability appended once more.
 */
final class DeltaMetaColumnFactory implements CalciteMetaColumnFactory {
  static final DeltaMetaColumnFactory INSTANCE = new DeltaMetaColumnFactory();

  /** The getColumns row of {@code field}, the column of {@code table}. */
  MetaImpl.MetaColumn column(Table table, MetaImpl.MetaTable of, RelDataTypeField field) {
    RelDataType type = field.getType();
    ColumnType t = new ColumnType(type.getSqlTypeName(), type.getPrecision(), type.getScale());
    boolean nullable = type.isNullable();
    return CalciteMetaColumnFactoryImpl.INSTANCE.createColumn(table, of.tableCat, of.tableSchem, of.tableName,
        field.getName(), type.getSqlTypeName().getJdbcOrdinal(), t.typeName(), t.columnSize(), t.decimalDigits(), 10,
        nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls, t.charOctetLength(),
        field.getIndex() + 1, nullable ? "YES" : "NO");
  }

  @Override
  public MetaImpl.MetaColumn createColumn(Table table, String tableCat, String tableSchem, String tableName,
      String columnName, int dataType, String typeName, Integer columnSize, Integer decimalDigits, int numPrecRadix,
      int nullable, Integer charOctetLength, int ordinalPosition, String isNullable) {
    return CalciteMetaColumnFactoryImpl.INSTANCE.createColumn(table, tableCat, tableSchem, tableName, columnName,
        dataType, typeName, columnSize, decimalDigits, numPrecRadix, nullable, charOctetLength, ordinalPosition,
        isNullable);
  }

  @Override
  public List<String> getColumnNames() {
    return CalciteMetaColumnFactoryImpl.INSTANCE.getColumnNames();
  }

  @Override
  public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
    return CalciteMetaColumnFactoryImpl.INSTANCE.getMetaColumnClass();
  }
}
