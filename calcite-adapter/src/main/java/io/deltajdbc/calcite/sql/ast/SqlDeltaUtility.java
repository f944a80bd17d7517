package io.deltajdbc.calcite.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Delta's table utilities that change a table: {@code VACUUM t [RETAIN n HOURS] [DRY RUN]}, {@code
 * RESTORE [TABLE] t [TO] VERSION AS OF n | TIMESTAMP AS OF 'ts'} (the version is in the name, as
 * time travel writes it: {@code t@v3}) and {@code CONVERT TO DELTA t [NO STATISTICS] [PARTITIONED
 * BY (c type, ...)]} and {@code OPTIMIZE t [WHERE predicate] [ZORDER BY (c, ...)]}.
 */
public final class SqlDeltaUtility extends SqlCall {
  /** Which utility. */
  public enum Kind {
    VACUUM("VACUUM"),
    RESTORE("RESTORE TABLE"),
    CONVERT("CONVERT TO DELTA"),
    OPTIMIZE("OPTIMIZE");

    /** The statement's words, for messages and unparsing. */
    public final String words;

    Kind(String words) {
      this.words = words;
    }
  }

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("UTILITY", SqlKind.OTHER);

  public final Kind kind;
  public final SqlIdentifier table;

  /** VACUUM's RETAIN hours, or null. */
  public final SqlNode retainHours;

  /** VACUUM's DRY RUN. */
  public final boolean dryRun;

  /** CONVERT's NO STATISTICS. */
  public final boolean noStatistics;

  /** CONVERT's PARTITIONED BY columns ({@link SqlDeltaColumn}), or null. */
  public final SqlNodeList partitionColumns;

  /** OPTIMIZE's WHERE predicate, or null. */
  public final SqlNode where;

  /** OPTIMIZE's ZORDER BY columns (empty for none), or null. */
  public final SqlNodeList zOrderBy;

  private SqlDeltaUtility(
      SqlParserPos pos,
      Kind kind,
      SqlIdentifier table,
      SqlNode retainHours,
      boolean dryRun,
      boolean noStatistics,
      SqlNodeList partitionColumns,
      SqlNode where,
      SqlNodeList zOrderBy) {
    super(pos);
    this.kind = requireNonNull(kind, "kind");
    this.table = requireNonNull(table, "table");
    this.retainHours = retainHours;
    this.dryRun = dryRun;
    this.noStatistics = noStatistics;
    this.partitionColumns = partitionColumns;
    this.where = where;
    this.zOrderBy = zOrderBy;
  }

  public static SqlDeltaUtility vacuum(
      SqlParserPos pos, SqlIdentifier table, SqlNode retainHours, boolean dryRun) {
    return new SqlDeltaUtility(
        pos, Kind.VACUUM, table, retainHours, dryRun, false, null, null, null);
  }

  public static SqlDeltaUtility restore(SqlParserPos pos, SqlIdentifier table) {
    return new SqlDeltaUtility(pos, Kind.RESTORE, table, null, false, false, null, null, null);
  }

  public static SqlDeltaUtility convert(
      SqlParserPos pos, SqlIdentifier table, boolean noStatistics, SqlNodeList partitionColumns) {
    return new SqlDeltaUtility(
        pos, Kind.CONVERT, table, null, false, noStatistics, partitionColumns, null, null);
  }

  public static SqlDeltaUtility optimize(
      SqlParserPos pos, SqlIdentifier table, SqlNode where, SqlNodeList zOrderBy) {
    return new SqlDeltaUtility(
        pos, Kind.OPTIMIZE, table, null, false, false, null, where, zOrderBy);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> out = new ArrayList<>(5);
    out.add(table);
    out.add(retainHours);
    out.add(partitionColumns);
    out.add(where);
    out.add(zOrderBy);
    return out;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(kind.words);
    table.unparse(writer, 0, 0);
    if (retainHours != null) {
      writer.keyword("RETAIN");
      retainHours.unparse(writer, 0, 0);
      writer.keyword("HOURS");
    }
    if (dryRun) {
      writer.keyword("DRY RUN");
    }
    if (noStatistics) {
      writer.keyword("NO STATISTICS");
    }
    if (partitionColumns != null) {
      writer.keyword("PARTITIONED BY");
      partitionColumns.unparse(writer, 0, 0);
    }
    if (where != null) {
      writer.keyword("WHERE");
      where.unparse(writer, 0, 0);
    }
    if (zOrderBy != null && !zOrderBy.isEmpty()) {
      writer.keyword("ZORDER BY");
      zOrderBy.unparse(writer, 0, 0);
    }
  }
}
