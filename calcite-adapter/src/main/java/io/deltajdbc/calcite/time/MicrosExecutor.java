package io.deltajdbc.calcite.time;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Folds constant expressions as the statement would compute them: an expression with a timestamp in
 * it is evaluated in its {@link MicrosRex} form, and a timestamp result becomes a literal to the
 * microsecond. Calcite's own executor would compute {@code CAST('2024-01-01 10:00:00.123456' AS
 * TIMESTAMP)} with milliseconds and fold it to {@code .123}. Other expressions go to Calcite's
 * executor unchanged.
 */
final class MicrosExecutor implements RexExecutor {
  private final RexExecutor calcite;

  MicrosExecutor(RexExecutor calcite) {
    this.calcite = calcite == null ? RexUtil.EXECUTOR : calcite;
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    for (RexNode e : constExps) {
      reducedValues.add(
          MicrosRex.involvesTimestamp(e) ? reduceMicros(rexBuilder, e) : reduceOne(rexBuilder, e));
    }
  }

  private RexNode reduceOne(RexBuilder rexBuilder, RexNode e) {
    List<RexNode> out = new ArrayList<>(1);
    calcite.reduce(rexBuilder, List.of(e), out);
    return out.get(0);
  }

  private RexNode reduceMicros(RexBuilder rexBuilder, RexNode e) {
    if (e instanceof RexLiteral) {
      return e;
    }
    RexNode rewritten = MicrosRex.rewrite(rexBuilder, e);
    boolean timestamp = MicrosRex.isTimestamp(e.getType());
    if (timestamp) {
      rewritten =
          rexBuilder.makeCall(
              rexBuilder
                  .getTypeFactory()
                  .createTypeWithNullability(
                      rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT),
                      e.getType().isNullable()),
              MicrosOperators.BIGINT,
              List.of(rewritten));
    }
    RexNode reduced = reduceOne(rexBuilder, rewritten);
    if (!(reduced instanceof RexLiteral lit)) {
      return e; // not reducible (it failed, or is not constant): left as it was, to run with the
      // statement
    }
    if (!timestamp) {
      return lit;
    }
    Long micros = lit.getValueAs(Long.class);
    return micros == null
        ? rexBuilder.makeNullLiteral(e.getType())
        : rexBuilder.makeLiteral(Micros.timestampString(micros), e.getType(), false);
  }
}
