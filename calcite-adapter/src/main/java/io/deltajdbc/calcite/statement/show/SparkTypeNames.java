package io.deltajdbc.calcite.statement.show;

import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Column types by Spark's names: {@link #catalogString} as DESCRIBE prints them ({@code bigint},
 * {@code decimal(12,2)}, {@code array<int>}, {@code struct<a:int,b:string>}) and {@link #sql} as
 * SHOW CREATE TABLE writes them ({@code BIGINT}, {@code STRUCT<a: INT, b: STRING>}).
 */
public final class SparkTypeNames {
  private SparkTypeNames() {}

  public static String catalogString(DataType type) {
    if (type instanceof ArrayType a) {
      return "array<" + catalogString(a.elementType()) + ">";
    }
    if (type instanceof MapType m) {
      return "map<" + catalogString(m.keyType()) + "," + catalogString(m.valueType()) + ">";
    }
    if (type instanceof StructType s) {
      return s.fields().stream()
          .map(f -> quoteIfNeeded(f.name()) + ":" + catalogString(f.type()))
          .collect(Collectors.joining(",", "struct<", ">"));
    }
    if (type instanceof DecimalType d) {
      return "decimal(" + d.precision() + "," + d.scale() + ")";
    }
    return switch ((PrimitiveType) type) {
      case LONG -> "bigint";
      case INTEGER -> "int";
      case SHORT -> "smallint";
      case BYTE -> "tinyint";
      default -> type.typeName();
    };
  }

  public static String sql(DataType type) {
    if (type instanceof ArrayType a) {
      return "ARRAY<" + sql(a.elementType()) + ">";
    }
    if (type instanceof MapType m) {
      return "MAP<" + sql(m.keyType()) + ", " + sql(m.valueType()) + ">";
    }
    if (type instanceof StructType s) {
      return s.fields().stream()
          .map(SparkTypeNames::fieldSql)
          .collect(Collectors.joining(", ", "STRUCT<", ">"));
    }
    return catalogString(type).toUpperCase(Locale.ROOT);
  }

  private static String fieldSql(StructField f) {
    return quote(f.name())
        + ": "
        + sql(f.type())
        + (f.nullable() ? "" : " NOT NULL")
        + f.comment().map(c -> " COMMENT " + literal(c)).orElse("");
  }

  /** A name in backticks, as Spark quotes identifiers. */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** A string literal in single quotes. */
  static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String quoteIfNeeded(String name) {
    return name.matches("[a-zA-Z0-9_]+") ? name : quote(name);
  }
}
