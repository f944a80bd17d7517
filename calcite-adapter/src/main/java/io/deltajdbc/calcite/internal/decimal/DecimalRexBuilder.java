package io.deltajdbc.calcite.internal.decimal;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The planner's expression factory: a call of {@code + - * / %} whose result is a decimal becomes
 * the matching {@link DecimalOperator}, with the same type and operands. Every call goes through
 * here, those SQL conversion makes and those rules make later (AVG reduced to SUM / COUNT, a
 * simplified sum), so no decimal arithmetic is left to Calcite's own run-time methods.
 */
public final class DecimalRexBuilder extends RexBuilder {
  public DecimalRexBuilder(RelDataTypeFactory typeFactory) {
    super(typeFactory);
  }

  @Override
  public RexNode makeCall(
      SqlParserPos pos, RelDataType returnType, SqlOperator op, List<RexNode> exprs) {
    DecimalOperator decimal = decimalOperator(returnType, op, exprs);
    return super.makeCall(pos, returnType, decimal != null ? decimal : op, exprs);
  }

  @Override
  public RexNode makeCall(SqlParserPos pos, SqlOperator op, List<? extends RexNode> exprs) {
    return makeCall(pos, deriveReturnType(op, exprs), op, List.copyOf(exprs));
  }

  private static DecimalOperator decimalOperator(
      RelDataType returnType, SqlOperator op, List<? extends RexNode> exprs) {
    if (exprs.size() != 2 || returnType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return null;
    }
    return DecimalOperator.of(op);
  }
}
