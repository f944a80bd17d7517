package io.deltajdbc.calcite.statement;

import io.deltajdbc.calcite.time.Micros;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * One value of a plain VALUES row: a parameter, or a literal in the representation Avatica gives
 * parameters (numbers as {@link BigDecimal} or {@link Double}, DATE as days, TIMESTAMP as
 * microseconds), so literals and parameters are converted to the column's type by the same code.
 */
sealed interface ValuesCell {
  /** The cell's value for one execution's parameter values. */
  Object value(List<Object> parameters);

  /** The {@code index}-th parameter of the statement. */
  record Parameter(int index) implements ValuesCell {
    @Override
    public Object value(List<Object> parameters) {
      return parameters.get(index);
    }
  }

  /** A literal's value. */
  record Constant(Object value) implements ValuesCell {
    @Override
    public Object value(List<Object> parameters) {
      return value;
    }
  }

  /**
   * True for a parameter, NULL, a boolean, number, string, DATE or TIMESTAMP literal, or a signed
   * number.
   */
  static boolean isPlain(SqlNode node) {
    if (node instanceof SqlDynamicParam) {
      return true;
    }
    if (node instanceof SqlBasicCall call
        && (call.getKind() == SqlKind.MINUS_PREFIX || call.getKind() == SqlKind.PLUS_PREFIX)) {
      return call.operand(0) instanceof SqlNumericLiteral;
    }
    if (!(node instanceof SqlLiteral literal)) {
      return false;
    }
    SqlTypeName t = literal.getTypeName();
    return t == SqlTypeName.NULL
        || t == SqlTypeName.BOOLEAN
        || t == SqlTypeName.CHAR
        || t == SqlTypeName.DECIMAL
        || t == SqlTypeName.DOUBLE
        || t == SqlTypeName.DATE
        || t == SqlTypeName.TIMESTAMP;
  }

  /** The cell of a plain node (see {@link #isPlain}) for a column of {@code column}'s type. */
  static ValuesCell of(SqlNode node, DataType column) {
    if (node instanceof SqlDynamicParam p) {
      return new Parameter(p.getIndex());
    }
    if (node instanceof SqlBasicCall call) {
      Object v = value((SqlLiteral) call.operand(0), column);
      return new Constant(
          call.getKind() == SqlKind.MINUS_PREFIX
              ? (v instanceof BigDecimal b ? b.negate() : -((Double) v))
              : v);
    }
    return new Constant(value((SqlLiteral) node, column));
  }

  private static Object value(SqlLiteral literal, DataType column) {
    if (column == PrimitiveType.STRING
        && (literal.getTypeName() == SqlTypeName.DATE
            || literal.getTypeName() == SqlTypeName.TIMESTAMP)) {
      return literal.toValue(); // its text, as Calcite casts it: 2024-01-31, 2024-01-31 10:00:00
    }
    return switch (literal.getTypeName()) {
      case NULL -> null;
      case BOOLEAN -> literal.booleanValue();
      case CHAR -> literal.getValueAs(String.class);
      case DECIMAL -> literal.getValueAs(BigDecimal.class);
      case DOUBLE -> literal.getValueAs(Double.class);
      case DATE -> {
        int days = literal.getValueAs(DateString.class).getDaysSinceEpoch();
        // a date into a timestamp column is its midnight (UTC), as Calcite casts it
        yield column == PrimitiveType.TIMESTAMP || column == PrimitiveType.TIMESTAMP_NTZ
            ? days * Micros.PER_DAY
            : (Object) days;
      }
      case TIMESTAMP -> {
        long micros = Micros.of(literal.getValueAs(TimestampString.class));
        yield column == PrimitiveType.DATE
            ? (Object) (int) Math.floorDiv(micros, Micros.PER_DAY)
            : micros;
      }
      default -> throw new IllegalArgumentException("not a plain literal: " + literal);
    };
  }
}
