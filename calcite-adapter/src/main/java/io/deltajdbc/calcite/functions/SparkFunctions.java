package io.deltajdbc.calcite.functions;

import java.util.List;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * Registers the functions of {@link SparkDateFunctions} and {@link SparkStringFunctions} in a
 * connection's root schema, where unqualified calls find them: each Java overload is one SQL
 * signature.
 */
public final class SparkFunctions {
  /** The SQL names, as Spark spells them. */
  public static final List<String> NAMES =
      List.of("DATE_FORMAT", "TO_DATE", "DATE", "DATE_TRUNC", "TRUNC", "CONCAT", "SUBSTR");

  private SparkFunctions() {}

  public static void register(SchemaPlus root) {
    add(root, "DATE_FORMAT", "dateFormat");
    add(root, "TO_DATE", "toDate");
    // date(x) is Spark's cast of x to a date: to_date's one-argument forms
    add(root, SparkDateFunctions.class, "DATE", "toDate", 1);
    add(root, "DATE_TRUNC", "dateTrunc");
    add(root, "TRUNC", "trunc");
    add(root, SparkStringFunctions.class, "CONCAT", "concat");
    add(root, SparkStringFunctions.class, "SUBSTR", "substr");
  }

  private static void add(SchemaPlus root, String sqlName, String method) {
    add(root, SparkDateFunctions.class, sqlName, method);
  }

  private static void add(SchemaPlus root, Class<?> functions, String sqlName, String method) {
    add(root, functions, sqlName, method, -1);
  }

  /**
   * Each public static {@code method} of {@code functions} with {@code arity} parameters (any, when
   * negative).
   */
  private static void add(
      SchemaPlus root, Class<?> functions, String sqlName, String method, int arity) {
    for (var m : functions.getMethods()) {
      if (m.getName().equals(method) && (arity < 0 || m.getParameterCount() == arity)) {
        root.add(sqlName, ScalarFunctionImpl.create(m));
      }
    }
  }
}
