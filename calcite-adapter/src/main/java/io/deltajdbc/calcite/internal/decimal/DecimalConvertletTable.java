package io.deltajdbc.calcite.internal.decimal;

import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's conversion of SQL to expressions, but a {@code CAST} of a decimal or an integer to a
 * decimal written in the statement is {@link DecimalOperator#FIT}: rounded half up and NULL when
 * the value has too many digits, as Spark's cast without ANSI mode (Calcite's raises an error, even
 * for {@code 9.999} as {@code DECIMAL(3,2)}, which rounds up to 10.00). Only casts the statement
 * writes: the casts Calcite adds to store a value in a column keep failing on a value that does not
 * fit, so INSERT never writes NULL for it.
 */
public final class DecimalConvertletTable implements SqlRexConvertletTable {
  public static final DecimalConvertletTable INSTANCE = new DecimalConvertletTable();

  private DecimalConvertletTable() {}

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    SqlRexConvertlet standard = StandardConvertletTable.INSTANCE.get(call);
    if (standard == null || call.getKind() != SqlKind.CAST) {
      return standard;
    }
    return (cx, c) -> checked(cx.getRexBuilder(), standard.convertCall(cx, c));
  }

  private static RexNode checked(RexBuilder rexBuilder, RexNode converted) {
    if (!(converted instanceof RexCall cast)
        || cast.getKind() != SqlKind.CAST
        || cast.getOperands().size() != 1
        || cast.getType().getSqlTypeName() != SqlTypeName.DECIMAL
        || !SqlTypeUtil.isExactNumeric(cast.getOperands().get(0).getType())) {
      return converted;
    }
    return rexBuilder.makeCall(
        cast.getType(), DecimalOperator.FIT, List.of(cast.getOperands().get(0)));
  }
}
