package io.deltajdbc.jdbc.internal;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.sql.SqlGroupedWindowFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlWindowTableFunction;

/**
 * The built-in functions {@code DatabaseMetaData.getFunctions} lists (FUNCTION_SCHEM null): the
 * functions of the connection's operator table that SQL can call by name. Calcite's internal ones
 * ({@code $HISTOGRAM}, {@code $SUM0}, ...) and its streaming window functions are left out.
 */
public final class DeltaFunctions {
  private static final Pattern CALLABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private DeltaFunctions() {}

  public static List<MetaImpl.MetaFunction> builtIn(
      SqlOperatorTable table, Predicate1<String> nameMatcher) {
    TreeSet<String> names = new TreeSet<>();
    for (SqlOperator op : table.getOperatorList()) {
      if (SqlKind.FUNCTION.contains(op.getKind())
          && !(op instanceof SqlGroupedWindowFunction)
          && !(op instanceof SqlWindowTableFunction)
          && CALLABLE.matcher(op.getName()).matches()
          && nameMatcher.apply(op.getName())) {
        names.add(op.getName());
      }
    }
    List<MetaImpl.MetaFunction> rows = new ArrayList<>();
    for (String name : names) {
      rows.add(
          new MetaImpl.MetaFunction(
              null, null, name, (short) DatabaseMetaData.functionResultUnknown, name));
    }
    return rows;
  }
}
