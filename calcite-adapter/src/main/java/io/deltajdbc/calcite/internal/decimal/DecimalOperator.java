package io.deltajdbc.calcite.internal.decimal;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * A decimal {@code + - * / %} computed by {@link DecimalArithmetic}: the standard operator's result
 * type (Spark's, from the connection's type system) and its own code, which reads the precision and
 * scale to round to from the call's type. A user-defined function to Calcite, so the code generator
 * and constant folding find its implementor; it is never in the validator's operator table, only
 * made by {@link DecimalRexBuilder}.
 */
public final class DecimalOperator extends SqlUserDefinedFunction {
  static final DecimalOperator PLUS = new DecimalOperator(SqlStdOperatorTable.PLUS, "add");
  static final DecimalOperator MINUS = new DecimalOperator(SqlStdOperatorTable.MINUS, "subtract");
  static final DecimalOperator MULTIPLY =
      new DecimalOperator(SqlStdOperatorTable.MULTIPLY, "multiply");
  static final DecimalOperator DIVIDE = new DecimalOperator(SqlStdOperatorTable.DIVIDE, "divide");
  static final DecimalOperator MOD = new DecimalOperator(SqlStdOperatorTable.MOD, "remainder");

  /**
   * A decimal as the call's type: rounded half up to its scale, NULL when it has too many digits
   * (Spark's {@code CheckOverflow} without ANSI mode). Always made with its type given.
   */
  static final DecimalOperator FIT = new DecimalOperator("fit", ReturnTypes.ARG0_NULLABLE);

  private static final Map<SqlKind, DecimalOperator> BY_KIND =
      Map.of(
          SqlKind.PLUS,
          PLUS,
          SqlKind.MINUS,
          MINUS,
          SqlKind.TIMES,
          MULTIPLY,
          SqlKind.DIVIDE,
          DIVIDE,
          SqlKind.MOD,
          MOD);

  private DecimalOperator(SqlOperator standard, String method) {
    this(method, standard.getReturnTypeInference());
  }

  private DecimalOperator(String method, SqlReturnTypeInference returnType) {
    super(
        new SqlIdentifier("DECIMAL_" + method.toUpperCase(Locale.ROOT), SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        returnType,
        InferTypes.FIRST_KNOWN,
        null,
        new Implementation(method));
  }

  /**
   * The {@link DecimalArithmetic} method a decimal operator calls ({@code add}, {@code subtract},
   * {@code multiply}, {@code divide}, {@code remainder}, {@code fit}), or null when {@code op} is
   * not one of them.
   */
  public static String methodOf(SqlOperator op) {
    return op instanceof DecimalOperator d ? ((Implementation) d.getFunction()).method() : null;
  }

  /**
   * The decimal operator for a standard arithmetic operator, or null when {@code op} is not one of
   * {@code + - * / %} on numbers ({@code DATETIME_PLUS} has kind PLUS, too).
   */
  static DecimalOperator of(SqlOperator op) {
    boolean standard =
        op == SqlStdOperatorTable.PLUS
            || op == SqlStdOperatorTable.MINUS
            || op == SqlStdOperatorTable.MULTIPLY
            || op == SqlStdOperatorTable.DIVIDE
            || op == SqlStdOperatorTable.MOD
            || op == SqlStdOperatorTable.PERCENT_REMAINDER;
    return standard ? BY_KIND.get(op.getKind()) : null;
  }

  /**
   * Generates {@code DecimalArithmetic.<method>(a, b, precision, scale)} or {@code fit(a,
   * precision, scale, nullable)}; a null operand gives null.
   */
  private record Implementation(String method) implements ImplementableFunction {
    @Override
    public List<FunctionParameter> getParameters() {
      return List.of();
    }

    @Override
    public CallImplementor getImplementor() {
      return RexImpTable.createImplementor(
          (translator, call, operands) -> {
            RelDataType type = call.getType();
            List<Expression> arguments = new ArrayList<>();
            operands.forEach(o -> arguments.add(boxed(o)));
            arguments.add(Expressions.constant(type.getPrecision()));
            arguments.add(Expressions.constant(type.getScale()));
            if (operands.size() == 1) {
              arguments.add(Expressions.constant(type.isNullable()));
            }
            return Expressions.call(DecimalArithmetic.class, method, arguments);
          },
          NullPolicy.STRICT,
          false);
    }

    private static Expression boxed(Expression e) {
      Type t = e.getType();
      return t instanceof Class<?> c && c.isPrimitive() ? Expressions.box(e, Primitive.of(c)) : e;
    }
  }
}
