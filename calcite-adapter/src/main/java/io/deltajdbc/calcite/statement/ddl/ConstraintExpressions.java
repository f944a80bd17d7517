package io.deltajdbc.calcite.statement.ddl;

import io.deltajdbc.calcite.sql.parser.DeltaSqlParserImpl;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.dml.SparkSqlAllowList;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CharLiteralStyle;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * CHECK constraints where they enter through SQL ({@code CREATE TABLE ... TBLPROPERTIES
 * ('delta.constraints.x' = '...')}, {@code ALTER TABLE ADD CONSTRAINT ... CHECK (...)}), checked
 * against the engine's one allow-list ({@link SparkSqlAllowList}) without Spark, which the
 * standalone driver does not have. Spark evaluates a stored constraint on every later write, so a
 * hostile one is refused here, before it is committed; the Spark-side guard checks it again each
 * time it is evaluated, with Spark's own parser, which is the check that counts.
 *
 * <p>Property text is Spark SQL and is parsed as Spark reads it: backticks quote identifiers,
 * single and double quotes strings, with backslash escapes (so that a quote the two parsers read
 * differently cannot hide a call inside what this one takes for a string). Where the two lexers
 * still differ, the text is refused: a backslash before a backtick (an escape to this parser, not
 * to Spark) and Spark's raw strings ({@code r'...'}, no escapes to Spark). A text this parser
 * cannot read is refused too.
 */
public final class ConstraintExpressions {
  private static final String PREFIX = "delta.constraints.";
  private static final SqlParser.Config SPARK_TEXT =
      SqlParser.config()
          .withParserFactory(DeltaSqlParserImpl.FACTORY)
          .withQuoting(Quoting.BACK_TICK_BACKSLASH)
          .withCharLiteralStyles(Set.of(CharLiteralStyle.BQ_SINGLE, CharLiteralStyle.BQ_DOUBLE))
          .withUnquotedCasing(Casing.UNCHANGED)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(false)
          .withConformance(SqlConformanceEnum.LENIENT);

  /**
   * SQL's operators (not functions): comparison, logic, arithmetic, IN, LIKE, BETWEEN, CASE, IS ...
   */
  private static final Set<SqlKind> OPERATORS =
      EnumSet.of(
          SqlKind.AND,
          SqlKind.OR,
          SqlKind.NOT,
          SqlKind.EQUALS,
          SqlKind.NOT_EQUALS,
          SqlKind.LESS_THAN,
          SqlKind.LESS_THAN_OR_EQUAL,
          SqlKind.GREATER_THAN,
          SqlKind.GREATER_THAN_OR_EQUAL,
          SqlKind.IS_DISTINCT_FROM,
          SqlKind.IS_NOT_DISTINCT_FROM,
          SqlKind.PLUS,
          SqlKind.MINUS,
          SqlKind.TIMES,
          SqlKind.DIVIDE,
          SqlKind.MOD,
          SqlKind.MINUS_PREFIX,
          SqlKind.PLUS_PREFIX,
          SqlKind.IS_NULL,
          SqlKind.IS_NOT_NULL,
          SqlKind.IS_TRUE,
          SqlKind.IS_NOT_TRUE,
          SqlKind.IS_FALSE,
          SqlKind.IS_NOT_FALSE,
          SqlKind.IS_UNKNOWN,
          SqlKind.IN,
          SqlKind.NOT_IN,
          SqlKind.LIKE,
          SqlKind.RLIKE,
          SqlKind.BETWEEN,
          SqlKind.CASE,
          SqlKind.CAST,
          SqlKind.ITEM,
          SqlKind.DOT);

  private ConstraintExpressions() {}

  /**
   * Checks every {@code delta.constraints.*} property of a new table's (or a property change's)
   * properties.
   */
  public static void checkProperties(String table, Map<String, String> properties) {
    properties.forEach(
        (key, text) -> {
          if (key.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            checkText(table, key.substring(PREFIX.length()), text == null ? "" : text);
          }
        });
  }

  /** Checks a constraint's Spark SQL text. */
  public static void checkText(String table, String name, String text) {
    String what = "CHECK constraint " + name;
    Optional<String> lexical = SparkSqlAllowList.textProblem(text);
    if (lexical.isPresent()) {
      throw DeltaErrors.expressionRefused(table, what, text, lexical.get());
    }
    if (lexersDisagree(text)) {
      throw DeltaErrors.expressionRefused(
          table,
          what,
          text,
          "it holds a raw string (r'...') or a backslash inside "
              + "backticks, which Spark and this driver read differently");
    }
    SqlNode tree;
    try {
      tree = SqlParser.create(text, SPARK_TEXT).parseExpression();
    } catch (SqlParseException e) {
      throw DeltaErrors.expressionRefused(
          table,
          what,
          text,
          "it does not parse as an expression this driver can "
              + "check ("
              + e.getMessage().lines().findFirst().orElse("parse error")
              + "); add the constraint with "
              + "ALTER TABLE "
              + table
              + " ADD CONSTRAINT "
              + name
              + " CHECK (...) instead");
    }
    refusal(tree)
        .ifPresent(
            why -> {
              throw DeltaErrors.expressionRefused(table, what, text, why);
            });
  }

  /**
   * Checks a constraint's expression as the statement's parser read it ({@code ADD CONSTRAINT ...
   * CHECK}).
   */
  public static void checkExpression(String table, String name, SqlNode expression) {
    refusal(expression)
        .ifPresent(
            why -> {
              throw DeltaErrors.expressionRefused(
                  table, "CHECK constraint " + name, expression.toString(), why);
            });
  }

  /**
   * Whether the text holds a token Spark's lexer reads otherwise than this parser's: a raw string
   * ({@code r'\'} is a whole string to Spark, an unterminated one here) or a backslash inside
   * backticks (literal to Spark, an escape here). Scans with Spark's rules for quotes.
   */
  static boolean lexersDisagree(String text) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == 0) {
        if (c == '\'' || c == '"' || c == '`') {
          quote = c;
          boolean raw =
              c != '`'
                  && i > 0
                  && (text.charAt(i - 1) == 'r' || text.charAt(i - 1) == 'R')
                  && (i < 2
                      || !(Character.isLetterOrDigit(text.charAt(i - 2))
                          || text.charAt(i - 2) == '_'));
          if (raw) {
            return true;
          }
        }
      } else if (quote == '`') {
        if (c == '\\') {
          return true;
        }
        if (c == '`') {
          quote = 0; // a doubled backtick closes and reopens: the same to both
        }
      } else if (c == '\\') {
        i++; // Spark's escape inside a string, and this parser's (BQ_SINGLE, BQ_DOUBLE)
      } else if (c == quote) {
        quote = 0;
      }
    }
    return false;
  }

  /** Why the tree is refused (the first node not allowed), or empty. */
  private static Optional<String> refusal(SqlNode node) {
    if (node == null
        || node instanceof SqlLiteral
        || node instanceof SqlIntervalQualifier
        || node instanceof SqlDataTypeSpec) {
      return Optional.empty();
    }
    if (node instanceof SqlIdentifier id) {
      return id.isStar() ? Optional.of("it holds a star (*)") : Optional.empty();
    }
    if (node instanceof SqlNodeList list) {
      return first(list.getList());
    }
    if (!(node instanceof SqlCall call)) {
      return Optional.of("it holds " + node.getKind() + ", which is not allowed in a constraint");
    }
    if (call.getKind().belongsTo(SqlKind.QUERY)
        || call.getKind() == SqlKind.EXISTS
        || call.getKind() == SqlKind.SCALAR_QUERY) {
      return Optional.of("it holds a subquery");
    }
    SqlOperator op = call.getOperator();
    if (op instanceof SqlFunction && call.getKind() != SqlKind.CAST) {
      String name =
          op instanceof SqlUnresolvedFunction u && u.getSqlIdentifier() != null
              ? String.join(".", u.getSqlIdentifier().names)
              : op.getName();
      if (name.contains(".") || !SparkSqlAllowList.allowsFunction(name, Set.of())) {
        return Optional.of("it calls " + name + ", which is not an allowed function");
      }
      if (call.getFunctionQuantifier() != null) {
        return Optional.of(
            "it calls " + name + " with " + call.getFunctionQuantifier() + ", as an aggregate");
      }
    } else if (!OPERATORS.contains(call.getKind()) && !op.getName().equals("||")) {
      return Optional.of(
          "it holds the operator "
              + op.getName()
              + " ("
              + call.getKind()
              + "), which is not allowed in a constraint");
    }
    return first(call.getOperandList());
  }

  private static Optional<String> first(java.util.List<SqlNode> nodes) {
    for (SqlNode n : nodes) {
      Optional<String> r = refusal(n);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }
}
