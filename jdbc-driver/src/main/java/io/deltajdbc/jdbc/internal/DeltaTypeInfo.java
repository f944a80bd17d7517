package io.deltajdbc.jdbc.internal;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The rows of {@code DatabaseMetaData.getTypeInfo}: the SQL types a Delta column has (see {@code
 * DeltaTypes}), not Calcite's internal ones (CURSOR, COLUMN_LIST, SARG, intervals...), with the
 * maximum sizes {@link ColumnType} reports for their columns.
 */
public final class DeltaTypeInfo {
  private static final List<SqlTypeName> TYPES =
      List.of(
          SqlTypeName.BOOLEAN,
          SqlTypeName.TINYINT,
          SqlTypeName.SMALLINT,
          SqlTypeName.INTEGER,
          SqlTypeName.BIGINT,
          SqlTypeName.DECIMAL,
          SqlTypeName.REAL,
          SqlTypeName.DOUBLE,
          SqlTypeName.VARCHAR,
          SqlTypeName.VARBINARY,
          SqlTypeName.DATE,
          SqlTypeName.TIMESTAMP,
          SqlTypeName.ARRAY,
          SqlTypeName.MAP,
          SqlTypeName.ROW);

  private DeltaTypeInfo() {}

  public static List<MetaImpl.MetaTypeInfo> rows(RelDataTypeSystem typeSystem) {
    List<MetaImpl.MetaTypeInfo> rows = new ArrayList<>();
    for (SqlTypeName name : TYPES) {
      int max = name.allowsPrec() ? typeSystem.getMaxPrecision(name) : -1;
      int maxScale =
          name == SqlTypeName.DECIMAL
              ? typeSystem.getMaxScale(name)
              : name == SqlTypeName.TIMESTAMP ? max : 0;
      ColumnType widest =
          new ColumnType(
              name,
              name == SqlTypeName.VARCHAR || name == SqlTypeName.VARBINARY ? -1 : max,
              maxScale);
      boolean text = name == SqlTypeName.VARCHAR;
      String prefix =
          text ? "'" : name == SqlTypeName.VARBINARY ? "X'" : typeSystem.getLiteral(name, true);
      String suffix =
          text || name == SqlTypeName.VARBINARY ? "'" : typeSystem.getLiteral(name, false);
      rows.add(
          new MetaImpl.MetaTypeInfo(
              widest.typeName(),
              name.getJdbcOrdinal(),
              widest.columnSize(),
              prefix,
              suffix,
              (short) DatabaseMetaData.typeNullable,
              text,
              (short)
                  (widest.searchable()
                      ? DatabaseMetaData.typeSearchable
                      : DatabaseMetaData.typePredNone),
              false,
              false,
              false,
              (short) 0,
              (short) maxScale,
              typeSystem.getNumTypeRadix(name)));
    }
    rows.sort(Comparator.comparingInt(r -> r.dataType));
    return rows;
  }
}
