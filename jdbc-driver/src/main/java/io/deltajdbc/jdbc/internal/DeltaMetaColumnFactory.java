package io.deltajdbc.jdbc.internal;

import io.deltajdbc.engine.types.StructField;
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
 * defines. Calcite's own factory passes the full type string ({@code DECIMAL(12, 2)}, {@code BIGINT
 * NOT NULL}), which tools print with precision and nullability appended once more. From the Delta
 * field: REMARKS (its comment), COLUMN_DEF (its default), IS_AUTOINCREMENT (an identity column) and
 * IS_GENERATEDCOLUMN (a generated column).
 */
final class DeltaMetaColumnFactory implements CalciteMetaColumnFactory {
  static final DeltaMetaColumnFactory INSTANCE = new DeltaMetaColumnFactory();

  /** A getColumns row with the remarks and default Calcite's column leaves null. */
  public static final class DeltaMetaColumn extends MetaImpl.MetaColumn {
    public final String remarks;
    public final String columnDef;

    DeltaMetaColumn(
        MetaImpl.MetaColumn c,
        String remarks,
        String columnDef,
        String isAutoincrement,
        String isGeneratedcolumn) {
      super(
          c.tableCat,
          c.tableSchem,
          c.tableName,
          c.columnName,
          c.dataType,
          c.typeName,
          c.columnSize,
          c.decimalDigits,
          c.numPrecRadix,
          c.nullable,
          c.charOctetLength,
          c.ordinalPosition,
          c.isNullable,
          isAutoincrement,
          isGeneratedcolumn);
      this.remarks = remarks;
      this.columnDef = columnDef;
    }
  }

  /**
   * The getColumns row of {@code field}, the column of {@code table}; {@code delta} is its Delta
   * field, or null.
   */
  MetaImpl.MetaColumn column(
      Table table, MetaImpl.MetaTable of, RelDataTypeField field, StructField delta) {
    RelDataType type = field.getType();
    ColumnType t = new ColumnType(type.getSqlTypeName(), type.getPrecision(), type.getScale());
    boolean nullable = type.isNullable();
    MetaImpl.MetaColumn c =
        CalciteMetaColumnFactoryImpl.INSTANCE.createColumn(
            table,
            of.tableCat,
            of.tableSchem,
            of.tableName,
            field.getName(),
            type.getSqlTypeName().getJdbcOrdinal(),
            t.typeName(),
            t.columnSize(),
            t.decimalDigits(),
            10,
            nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
            t.charOctetLength(),
            field.getIndex() + 1,
            nullable ? "YES" : "NO");
    if (delta == null) {
      return new DeltaMetaColumn(c, null, null, "", "");
    }
    StructField.FieldMetadata md = delta.metadata();
    return new DeltaMetaColumn(
        c,
        delta.comment().orElse(null),
        md.getString("CURRENT_DEFAULT").orElse(null),
        md.values().containsKey("delta.identity.start") ? "YES" : "NO",
        md.values().containsKey("delta.generationExpression") ? "YES" : "NO");
  }

  @Override
  public MetaImpl.MetaColumn createColumn(
      Table table,
      String tableCat,
      String tableSchem,
      String tableName,
      String columnName,
      int dataType,
      String typeName,
      Integer columnSize,
      Integer decimalDigits,
      int numPrecRadix,
      int nullable,
      Integer charOctetLength,
      int ordinalPosition,
      String isNullable) {
    return new DeltaMetaColumn(
        CalciteMetaColumnFactoryImpl.INSTANCE.createColumn(
            table,
            tableCat,
            tableSchem,
            tableName,
            columnName,
            dataType,
            typeName,
            columnSize,
            decimalDigits,
            numPrecRadix,
            nullable,
            charOctetLength,
            ordinalPosition,
            isNullable),
        null,
        null,
        "",
        "");
  }

  @Override
  public List<String> getColumnNames() {
    return CalciteMetaColumnFactoryImpl.INSTANCE.getColumnNames();
  }

  @Override
  public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
    return DeltaMetaColumn.class;
  }
}
