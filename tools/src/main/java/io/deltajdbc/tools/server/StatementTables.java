package io.deltajdbc.tools.server;

import io.deltajdbc.calcite.sql.parser.DeltaSqlParserImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * What the access log says of a statement: its kind and the tables it names, from one parse with
 * the Delta grammar (a statement that does not parse is logged by its first word, without tables).
 *
 * @param kind SELECT, INSERT, UPDATE, DELETE, MERGE, or the statement's first word
 * @param tables the tables named where tables go (FROM, JOIN, INTO, UPDATE, MERGE INTO, USING)
 */
record StatementTables(String kind, List<String> tables) {
  private static final SqlParser.Config PARSER =
      SqlParser.config()
          .withParserFactory(DeltaSqlParserImpl.FACTORY)
          .withQuoting(Quoting.DOUBLE_QUOTE)
          .withQuotedCasing(Casing.UNCHANGED)
          .withUnquotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(false)
          .withConformance(SqlConformanceEnum.LENIENT);

  StatementTables {
    tables = List.copyOf(tables);
  }

  static StatementTables of(String sql) {
    if (sql == null) {
      return new StatementTables("UNKNOWN", List.of());
    }
    try {
      SqlNode node = SqlParser.create(sql, PARSER).parseStmt();
      List<String> tables = new ArrayList<>();
      collect(node, tables);
      return new StatementTables(kind(node), tables.stream().distinct().toList());
    } catch (SqlParseException | RuntimeException e) {
      String trimmed = sql.strip();
      int end = 0;
      while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
        end++;
      }
      return new StatementTables(
          end == 0 ? "UNKNOWN" : trimmed.substring(0, end).toUpperCase(Locale.ROOT), List.of());
    }
  }

  private static String kind(SqlNode node) {
    SqlKind k = node.getKind();
    if (k == SqlKind.ORDER_BY || k == SqlKind.WITH || SqlKind.SET_QUERY.contains(k)) {
      return "SELECT";
    }
    return k == SqlKind.OTHER || k == SqlKind.OTHER_DDL
        ? node.getClass().getSimpleName().replaceFirst("^Sql", "").toUpperCase(Locale.ROOT)
        : k.name();
  }

  /** Adds the tables {@code node} reads or writes. */
  private static void collect(SqlNode node, List<String> tables) {
    if (node == null) {
      return;
    }
    if (node instanceof SqlSelect s) {
      from(s.getFrom(), tables);
      collectAll(s.getSelectList(), tables);
      collect(s.getWhere(), tables);
      collect(s.getHaving(), tables);
    } else if (node instanceof SqlOrderBy o) {
      collect(o.query, tables);
    } else if (node instanceof SqlWith w) {
      for (SqlNode item : w.withList) {
        collect(((SqlWithItem) item).query, tables);
      }
      collect(w.body, tables);
    } else if (node instanceof SqlInsert i) {
      from(i.getTargetTable(), tables);
      collect(i.getSource(), tables);
    } else if (node instanceof SqlUpdate u) {
      from(u.getTargetTable(), tables);
      collect(u.getCondition(), tables);
    } else if (node instanceof SqlDelete d) {
      from(d.getTargetTable(), tables);
      collect(d.getCondition(), tables);
    } else if (node instanceof SqlMerge m) {
      from(m.getTargetTable(), tables);
      from(m.getSourceTableRef(), tables);
    } else if (node instanceof SqlCall c) {
      for (SqlNode operand : c.getOperandList()) {
        if (operand instanceof SqlSelect || operand instanceof SqlCall) {
          collect(operand, tables);
        }
      }
    }
  }

  private static void collectAll(SqlNodeList list, List<String> tables) {
    if (list != null) {
      list.forEach(n -> collect(n, tables));
    }
  }

  /** Adds the tables of a FROM item. */
  private static void from(SqlNode node, List<String> tables) {
    if (node instanceof SqlIdentifier id) {
      tables.add(id.toString());
    } else if (node instanceof SqlJoin j) {
      from(j.getLeft(), tables);
      from(j.getRight(), tables);
      collect(j.getCondition(), tables);
    } else if (node instanceof SqlCall c
        && (c.getKind() == SqlKind.AS
            || c.getKind() == SqlKind.SNAPSHOT
            || c.getKind() == SqlKind.TABLE_REF)) {
      from(c.operand(0), tables);
    } else {
      collect(node, tables);
    }
  }
}
