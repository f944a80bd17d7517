package io.deltajdbc.jdbc.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * {@code getString} of a DECIMAL column in plain notation, as Spark and other drivers print
 * decimals: Avatica's is {@code BigDecimal.toString()}, which writes a zero of 10 decimals as
 * {@code 0E-10} and 0.0000000012 as {@code 1.2E-9}. Only a string with an exponent is looked at.
 */
final class DecimalStrings {
  private DecimalStrings() {}

  static Object plain(ResultSet rs, Object[] args, Object value) throws SQLException {
    if (!(value instanceof String s) || s.indexOf('E') < 0 || args == null || args.length != 1) {
      return value;
    }
    int column = args[0] instanceof Integer i ? i : rs.findColumn(String.valueOf(args[0]));
    if (rs.getMetaData().getColumnType(column) != Types.DECIMAL) {
      return value;
    }
    return new BigDecimal(s).toPlainString();
  }
}
