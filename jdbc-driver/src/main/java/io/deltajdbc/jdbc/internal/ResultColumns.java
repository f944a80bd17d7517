package io.deltajdbc.jdbc.internal;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@link ResultSetMetaData} answers that agree with {@code getColumns}: precision, scale, display
 * size and searchability from {@link ColumnType} (Calcite reports an unbounded VARCHAR as precision
 * 0 and display size -1, a TIMESTAMP(6) as 6 characters wide, and no column as searchable) and a
 * bare type name.
 */
final class ResultColumns {
  /** What {@link #answer} returns for a method it leaves to Calcite. */
  static final Object NOT_MINE = new Object();

  private ResultColumns() {}

  static Object answer(ResultSetMetaData md, String name, Object[] args) throws SQLException {
    if (args == null || args.length != 1 || !(args[0] instanceof Integer column)) {
      return NOT_MINE;
    }
    return switch (name) {
      case "getPrecision" -> {
        Integer size = type(md, column).columnSize();
        yield size == null ? 0 : size;
      }
      case "getScale" -> {
        Integer digits = type(md, column).decimalDigits();
        yield digits == null ? 0 : digits;
      }
      case "getColumnDisplaySize" -> type(md, column).displaySize();
      case "isSearchable" -> type(md, column).searchable();
      case "getColumnTypeName" -> type(md, column).typeName();
      default -> NOT_MINE;
    };
  }

  private static ColumnType type(ResultSetMetaData md, int column) throws SQLException {
    String typeName = md.getColumnTypeName(column);
    String name = typeName == null ? "" : typeName.trim();
    SqlTypeName sqlType = SqlTypeName.get(name.split("[ (]", 2)[0]);
    int jdbc = md.getColumnType(column);
    if (jdbc == Types.ARRAY || name.endsWith(" ARRAY")) {
      sqlType = SqlTypeName.ARRAY;
    } else if (name.endsWith(" MAP")) {
      sqlType = SqlTypeName.MAP; // Calcite's "(VARCHAR, INTEGER) MAP"
    } else if (jdbc == Types.STRUCT || name.startsWith("RecordType")) {
      sqlType = SqlTypeName.ROW;
    } else if (sqlType == null) {
      sqlType = SqlTypeName.getNameForJdbcType(jdbc);
    }
    if (sqlType == null) {
      sqlType = SqlTypeName.OTHER;
    }
    return new ColumnType(sqlType, md.getPrecision(column), md.getScale(column));
  }
}
