package io.deltajdbc.jdbc.internal;

import java.sql.Types;
import java.util.List;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.jdbc.CalciteMetaColumnFactoryImpl;
import org.apache.calcite.schema.Table;

/**
 * Columns in {@code DatabaseMetaData.getColumns} with the COLUMN_SIZE JDBC defines where Calcite
 * leaves it unknown: the precision of numeric types, the display length of dates and booleans.
 */
final class DeltaMetaColumnFactory implements CalciteMetaColumnFactory {
  static final DeltaMetaColumnFactory INSTANCE = new DeltaMetaColumnFactory();

  @Override
  public MetaImpl.MetaColumn createColumn(Table table, String tableCat, String tableSchem, String tableName,
      String columnName, int dataType, String typeName, Integer columnSize, Integer decimalDigits, int numPrecRadix,
      int nullable, Integer charOctetLength, int ordinalPosition, String isNullable) {
    Integer size = columnSize == null || columnSize < 0 ? defaultSize(dataType, columnSize) : columnSize;
    return CalciteMetaColumnFactoryImpl.INSTANCE.createColumn(table, tableCat, tableSchem, tableName, columnName,
        dataType, typeName, size, decimalDigits, numPrecRadix, nullable, charOctetLength, ordinalPosition, isNullable);
  }

  private static Integer defaultSize(int dataType, Integer given) {
    return switch (dataType) {
      case Types.BIGINT -> 19;
      case Types.INTEGER -> 10;
      case Types.SMALLINT -> 5;
      case Types.TINYINT -> 3;
      case Types.DOUBLE, Types.FLOAT -> 15;
      case Types.REAL -> 7;
      case Types.DATE -> 10;
      case Types.BOOLEAN -> 1;
      default -> given;
    };
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
