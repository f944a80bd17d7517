package io.deltajdbc.calcite.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Adds "did you mean ...?" to the validator's errors about an unknown column or table: the nearest
 * name (ignoring case, by edit distance, at most a third of the name's letters away) among the
 * columns of the tables the statement names, or the tables of the schema it names.
 */
final class NameSuggestions {
  private static final Pattern COLUMN = Pattern.compile("Column '(.+?)' not found in .*");
  private static final Pattern TARGET = Pattern.compile("Unknown target column '(.+?)'");
  private static final Pattern OBJECT = Pattern.compile("Object '(.+?)' not found.*");

  private NameSuggestions() {}

  /** {@code e}, or the same error with a suggestion when it is about a misspelt name. */
  static RuntimeException improve(CalcitePrepare.Context context, String sql, RuntimeException e) {
    CalciteContextException where = null;
    for (Throwable c = e; c != null && where == null; c = c.getCause()) {
      where = c instanceof CalciteContextException cce ? cce : null;
    }
    if (where == null
        || !(where.getCause() instanceof SqlValidatorException invalid)
        || invalid.getMessage() == null
        || invalid.getMessage().contains("did you mean")) {
      return e;
    }
    String message = invalid.getMessage();
    String suggestion;
    try {
      Matcher column = COLUMN.matcher(message);
      Matcher target = TARGET.matcher(message);
      if (column.matches() || target.matches()) {
        suggestion =
            nearest(column.matches() ? column.group(1) : target.group(1), columns(context, sql));
      } else if (OBJECT.matcher(message).matches()) {
        suggestion = table(context, slice(sql, where));
      } else {
        return e;
      }
    } catch (RuntimeException lookupFailed) {
      return e; // the original error is the one to report
    }
    if (suggestion == null) {
      return e;
    }
    String better = message + "; did you mean " + suggestion + "?";
    CalciteContextException out =
        new CalciteContextException(
            "From line "
                + where.getPosLine()
                + ", column "
                + where.getPosColumn()
                + " to line "
                + where.getEndPosLine()
                + ", column "
                + where.getEndPosColumn()
                + ": "
                + better,
            new SqlValidatorException(better, null),
            where.getPosLine(),
            where.getPosColumn(),
            where.getEndPosLine(),
            where.getEndPosColumn());
    out.addSuppressed(e);
    return out;
  }

  /** The columns of every table the statement names. */
  private static List<String> columns(CalcitePrepare.Context context, String sql) {
    SqlNode node = DeltaPrepare.parseDelta(context, sql);
    Set<String> out = new LinkedHashSet<>();
    if (node == null) {
      return List.of();
    }
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlIdentifier id) {
            if (id.isStar() || id.names.stream().anyMatch(String::isEmpty)) {
              return null;
            }
            try {
              CalciteSchema.TableEntry entry = tableEntry(context, id.names);
              if (entry != null) {
                out.addAll(entry.getTable().getRowType(context.getTypeFactory()).getFieldNames());
              }
            } catch (RuntimeException notATable) {
              // a column, an alias, a name that is no table's
            }
            return null;
          }
        });
    return new ArrayList<>(out);
  }

  /**
   * The table nearest to a name as written ({@code t} or {@code schema.t}), qualified as written.
   */
  private static String table(CalcitePrepare.Context context, String written) {
    List<String> parts = new ArrayList<>();
    for (String p : written.split("\\.")) {
      parts.add(p.trim().replaceAll("^[\"`]|[\"`]$", ""));
    }
    if (parts.size() > 2 || parts.isEmpty()) {
      return null;
    }
    String schemaName = parts.size() == 2 ? parts.get(0) : context.getDefaultSchemaPath().get(0);
    CalciteSchema schema = context.getRootSchema().getSubSchema(schemaName, false);
    if (schema == null) {
      String nearSchema =
          nearest(schemaName, new ArrayList<>(context.getRootSchema().getSubSchemaMap().keySet()));
      return nearSchema == null || parts.size() < 2 ? null : nearSchema + "." + parts.get(1);
    }
    String name = parts.get(parts.size() - 1);
    int at = name.indexOf('@');
    String near =
        nearest(at > 0 ? name.substring(0, at) : name, new ArrayList<>(schema.getTableNames()));
    return near == null
        ? null
        : (parts.size() == 2 ? schema.getName() + "." : "")
            + near
            + (at > 0 ? name.substring(at) : "");
  }

  private static CalciteSchema.TableEntry tableEntry(
      CalcitePrepare.Context context, List<String> names) {
    if (names.isEmpty() || names.size() > 2) {
      return null;
    }
    String schemaName = names.size() == 2 ? names.get(0) : context.getDefaultSchemaPath().get(0);
    CalciteSchema schema = context.getRootSchema().getSubSchema(schemaName, false);
    return schema == null ? null : schema.getTable(names.get(names.size() - 1), false);
  }

  /** The text a position spans. */
  private static String slice(String sql, CalciteContextException e) {
    return SqlPositions.slice(
        sql,
        new SqlParserPos(e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn()));
  }

  /**
   * The candidate nearest to {@code name}, or null when none is close or one differs only in case.
   */
  static String nearest(String name, List<String> candidates) {
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Math.max(1, name.length() / 3) + 1;
    for (String c : candidates) {
      int d = distance(lower, c.toLowerCase(Locale.ROOT));
      if (d == 0) {
        return null;
      }
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
