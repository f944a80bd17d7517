package io.deltajdbc.jdbc.internal;

import java.util.Locale;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A column's type as JDBC describes it, the same in {@code DatabaseMetaData.getColumns}, {@code
 * getTypeInfo} and {@code ResultSetMetaData}: the bare type name ({@code DECIMAL}, never {@code
 * DECIMAL(12, 2)} or {@code BIGINT NOT NULL}: tools append precision and nullability themselves),
 * the column size JDBC defines (digits of a number, characters of a date or timestamp as text,
 * {@code Integer.MAX_VALUE} for Delta's unbounded strings and binaries, as drivers report unbounded
 * text), the decimal digits (a decimal's scale, a timestamp's fractional seconds) and the display
 * size. Precision comes from the SQL type, so a TIMESTAMP(6) is 26 characters wide.
 */
public record ColumnType(SqlTypeName sqlType, int precision, int scale) {
  /** A size for strings and binaries that Delta does not bound. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  /** The bare SQL name: {@code BIGINT}, {@code DECIMAL}, {@code TIMESTAMP}, {@code ARRAY}. */
  public String typeName() {
    return sqlType.getName().toUpperCase(Locale.ROOT);
  }

  /**
   * COLUMN_SIZE of getColumns and precision of ResultSetMetaData; null where JDBC says none
   * applies.
   */
  public Integer columnSize() {
    return switch (sqlType) {
      case BOOLEAN -> 1;
      case TINYINT -> 3;
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT -> 19;
      case REAL -> 7;
      case FLOAT, DOUBLE -> 15;
      case DECIMAL -> precision;
      case DATE -> 10;
      case TIME -> 8 + fraction();
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 19 + fraction();
      case CHAR, BINARY -> Math.max(precision, 0);
      case VARCHAR, VARBINARY -> precision > 0 ? precision : UNBOUNDED;
      default -> null;
    };
  }

  /** DECIMAL_DIGITS of getColumns and scale of ResultSetMetaData; null where none applies. */
  public Integer decimalDigits() {
    return switch (sqlType) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT -> 0;
      case DECIMAL -> scale;
      case TIME, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Math.max(precision, 0);
      default -> null;
    };
  }

  /** Characters needed to show any value: a sign, a decimal point, the fraction of a timestamp. */
  public int displaySize() {
    return switch (sqlType) {
      case BOOLEAN -> 5;
      case TINYINT, SMALLINT, INTEGER, BIGINT -> columnSize() + 1;
      case DECIMAL -> precision + (scale > 0 ? 2 : 1);
      case REAL -> 15;
      case FLOAT, DOUBLE -> 24;
      case DATE,
          TIME,
          TIMESTAMP,
          TIMESTAMP_WITH_LOCAL_TIME_ZONE,
          CHAR,
          BINARY,
          VARCHAR,
          VARBINARY ->
          columnSize();
      default -> UNBOUNDED;
    };
  }

  /** CHAR_OCTET_LENGTH: the most bytes of a string or binary; null for other types. */
  public Integer charOctetLength() {
    return switch (sqlType) {
      case CHAR, VARCHAR, BINARY, VARBINARY -> columnSize();
      default -> null;
    };
  }

  /** Whether a WHERE clause can compare the column: every type but arrays, maps and structs. */
  public boolean searchable() {
    return switch (sqlType) {
      case ARRAY, MAP, MULTISET, ROW, STRUCTURED -> false;
      default -> true;
    };
  }

  private int fraction() {
    return precision > 0 ? precision + 1 : 0;
  }
}
