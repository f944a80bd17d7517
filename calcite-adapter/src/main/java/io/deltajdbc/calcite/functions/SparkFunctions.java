package io.deltajdbc.calcite.functions;

import java.util.List;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * Registers the functions of {@link SparkDateFunctions} in a connection's root schema, where
 * unqualified calls find them: each Java overload is one SQL signature.
 */
public final class SparkFunctions {
  /** The SQL names, as Spark spells them. */
  public static final List<String> NAMES = List.of("DATE_FORMAT", "TO_DATE", "DATE_TRUNC", "TRUNC");

  private SparkFunctions() {}

  public static void register(SchemaPlus root) {
    add(root, "DATE_FORMAT", "dateFormat");
    add(root, "TO_DATE", "toDate");
    add(root, "DATE_TRUNC", "dateTrunc");
    add(root, "TRUNC", "trunc");
  }

  private static void add(SchemaPlus root, String sqlName, String method) {
    for (var m : SparkDateFunctions.class.getMethods()) {
      if (m.getName().equals(method)) {
        root.add(sqlName, ScalarFunctionImpl.create(m));
      }
    }
  }
}
