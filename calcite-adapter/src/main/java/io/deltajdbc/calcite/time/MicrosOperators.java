package io.deltajdbc.calcite.time;

import java.util.Objects;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * The operators {@link MicrosRex} puts into a planned statement, each implemented by a method of
 * {@link MicrosFunctions}. They are never parsed from SQL: calls are built with an explicit type,
 * and they show in EXPLAIN under these names.
 */
final class MicrosOperators {
  static final SqlFunction MICROS = of("MICROS", "micros");
  static final SqlFunction BIGINT = of("MICROS_AS_BIGINT", "bigint");
  static final SqlFunction TO_MILLIS = of("MICROS_TO_MILLIS", "toMillis");
  static final SqlFunction FROM_MILLIS = of("MILLIS_TO_MICROS", "fromMillis");
  static final SqlFunction PARSE = of("MICROS_PARSE", "parse");
  static final SqlFunction FORMAT = of("MICROS_FORMAT", "format");
  static final SqlFunction PLUS_MILLIS = of("MICROS_PLUS_MILLIS", "plusMillis");
  static final SqlFunction MINUS_MILLIS = of("MICROS_MINUS_MILLIS", "minusMillis");
  static final SqlFunction PLUS_MONTHS = of("MICROS_PLUS_MONTHS", "plusMonths");
  static final SqlFunction TO_DATE = of("MICROS_TO_DATE", "toDate");
  static final SqlFunction FROM_DATE = of("DATE_TO_MICROS", "fromDate");
  static final SqlFunction TRUNCATE = of("MICROS_TRUNCATE", "truncate");

  private MicrosOperators() {}

  static boolean isOwn(org.apache.calcite.sql.SqlOperator op) {
    return op instanceof SqlUserDefinedFunction f
        && f.getFunction() instanceof ScalarFunctionImpl impl
        && impl.method.getDeclaringClass() == MicrosFunctions.class;
  }

  private static SqlFunction of(String name, String method) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.ARG0,
        InferTypes.RETURN_TYPE,
        null,
        Objects.requireNonNull(ScalarFunctionImpl.create(MicrosFunctions.class, method), method));
  }
}
