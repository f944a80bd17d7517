package io.deltajdbc.calcite.functions;

import java.util.List;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * Registers the functions of {@link SparkDateFunctions} and {@link SparkStringFunctions} in a connection's root schema, where
 * unqualified calls find them: each Java overload is one SQL signature.
 */
public final class SparkFunctions {
  /** The SQL names, as Spark spells them. */
  public static final List<String> NAMES = List.of("DATE_FORMAT", "TO_DATE", "DATE_TRUNC", "TRUNC", "CONCAT");

  private SparkFunctions() {}

  public static void register(SchemaPlus root) {
    add(root, "DATE_FORMAT", "dateFormat");
    add(root, "TO_DATE", "toDate");
    add(root, "DATE_TRUNC", "dateTrunc");
    add(root, "TRUNC", "trunc");
    add(root, SparkStringFunctions.class, "CONCAT", "concat");
  }

  private static void add(SchemaPlus root, String sqlName, String method) {
    add(root, SparkDateFunctions.class, sqlName, method);
  }

  private static void add(SchemaPlus root, Class<?> functions, String sqlName, String method) {
    for (var m : functions.getMethods()) {
      if (m.getName().equals(method)) {
        root.add(sqlName, ScalarFunctionImpl.create(m));
      }
    }
  }
}
