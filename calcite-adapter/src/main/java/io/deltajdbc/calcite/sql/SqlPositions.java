package io.deltajdbc.calcite.sql;

import org.apache.calcite.sql.parser.SqlParserPos;

/** The text of a statement that parser positions point at. */
public final class SqlPositions {
  private SqlPositions() {}

  /** The text of {@code sql} a parsed node spans. */
  public static String slice(String sql, SqlParserPos pos) {
    int start = offset(sql, pos);
    int end = offset(sql, new SqlParserPos(pos.getEndLineNum(), pos.getEndColumnNum()));
    return sql.substring(start, Math.min(end + 1, sql.length()));
  }

  /** The character offset of a parser position in {@code sql}. */
  public static int offset(String sql, SqlParserPos pos) {
    int line = 1;
    int i = 0;
    while (line < pos.getLineNum() && i < sql.length()) {
      if (sql.charAt(i++) == '\n') {
        line++;
      }
    }
    return i + pos.getColumnNum() - 1;
  }
}
