package io.deltajdbc.calcite.sql.ast;

import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.NlsString;

/**
 * Column type names of DDL: Delta's and Spark SQL's ({@code STRING}, {@code BIGINT}, {@code INT},
 * {@code TIMESTAMP_NTZ}, ...) and standard SQL's ({@code VARCHAR(n)}, {@code INTEGER}, {@code
 * DOUBLE PRECISION}, ...), mapped to Delta types; and back, for printing a statement.
 */
public final class DeltaTypeNames {
  private static final Map<String, PrimitiveType> PRIMITIVES =
      Map.ofEntries(
          Map.entry("STRING", PrimitiveType.STRING),
          Map.entry("VARCHAR", PrimitiveType.STRING),
          Map.entry("CHAR", PrimitiveType.STRING),
          Map.entry("CHARACTER", PrimitiveType.STRING),
          Map.entry("TEXT", PrimitiveType.STRING),
          Map.entry("BIGINT", PrimitiveType.LONG),
          Map.entry("LONG", PrimitiveType.LONG),
          Map.entry("INT", PrimitiveType.INTEGER),
          Map.entry("INTEGER", PrimitiveType.INTEGER),
          Map.entry("SMALLINT", PrimitiveType.SHORT),
          Map.entry("SHORT", PrimitiveType.SHORT),
          Map.entry("TINYINT", PrimitiveType.BYTE),
          Map.entry("BYTE", PrimitiveType.BYTE),
          Map.entry("FLOAT", PrimitiveType.FLOAT),
          Map.entry("REAL", PrimitiveType.FLOAT),
          Map.entry("DOUBLE", PrimitiveType.DOUBLE),
          Map.entry("BOOLEAN", PrimitiveType.BOOLEAN),
          Map.entry("BINARY", PrimitiveType.BINARY),
          Map.entry("VARBINARY", PrimitiveType.BINARY),
          Map.entry("DATE", PrimitiveType.DATE),
          Map.entry("TIMESTAMP", PrimitiveType.TIMESTAMP),
          Map.entry("TIMESTAMP_LTZ", PrimitiveType.TIMESTAMP),
          Map.entry("TIMESTAMP_NTZ", PrimitiveType.TIMESTAMP_NTZ));

  private DeltaTypeNames() {}

  /**
   * The Delta type a name stands for, with its precision and scale (-1 when not given). Decimals
   * default to Spark's DECIMAL(10, 0); lengths of string types are accepted and ignored (Delta
   * strings have no length).
   */
  public static DataType primitive(String name, int precision, int scale, SqlParserPos pos) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.equals("DECIMAL") || upper.equals("DEC") || upper.equals("NUMERIC")) {
      int p = precision < 0 ? 10 : precision;
      int s = scale < 0 ? 0 : scale;
      if (p < 1 || p > DecimalType.MAX_PRECISION || s > p) {
        throw error(
            "DECIMAL("
                + p
                + ", "
                + s
                + ") is out of range: precision 1 to 38, scale 0 to precision",
            pos);
      }
      return new DecimalType(p, s);
    }
    PrimitiveType t = PRIMITIVES.get(upper);
    if (t == null) {
      throw error(
          "Unknown column type "
              + name
              + "; use one of STRING, BIGINT, INT, SMALLINT, TINYINT, DOUBLE, "
              + "FLOAT, BOOLEAN, DATE, TIMESTAMP, TIMESTAMP_NTZ, DECIMAL(p,s), BINARY, ARRAY<...>, MAP<...>, STRUCT<...>",
          pos);
    }
    if (scale >= 0 || (precision >= 0 && t != PrimitiveType.STRING && t != PrimitiveType.BINARY)) {
      throw error("Type " + name + " takes no precision or scale", pos);
    }
    return t;
  }

  /** A struct field of a {@code STRUCT<...>} type. */
  public static StructField field(String name, DataType type, boolean nullable, SqlNode comment) {
    StructField f = new StructField(name, type, nullable);
    return comment == null
        ? f
        : new StructField(
            name,
            type,
            nullable,
            new StructField.FieldMetadata(Map.of(StructField.COMMENT_KEY, stringValue(comment))));
  }

  /** The value of a string (or other) literal as text. */
  public static String stringValue(SqlNode literal) {
    if (literal instanceof SqlLiteral l) {
      Object v = l.getValue();
      if (v instanceof NlsString s) {
        return s.getValue();
      }
      return l.toValue();
    }
    return literal.toString();
  }

  /** A parse error at a position; the parser reports it as a syntax error there. */
  static CalciteContextException error(String message, SqlParserPos pos) {
    return new CalciteContextException(
        message,
        new IllegalArgumentException(message),
        pos.getLineNum(),
        pos.getColumnNum(),
        pos.getEndLineNum(),
        pos.getEndColumnNum());
  }
}
