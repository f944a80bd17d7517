package io.deltajdbc.calcite.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Compiles an aggregate over a scan's batch columns: a condition, projected expressions, GROUP BY
 * keys (positions among the projected expressions) and aggregate calls. Throws {@link
 * BatchCompiler.NotBatchable} for anything the batch path does not compute exactly as the row path
 * would.
 */
public final class AggregationCompiler {
  private AggregationCompiler() {}

  /**
   * One call: the function's kind, its argument's position among the projections (-1: none), its
   * result type.
   */
  public record Call(SqlKind kind, int argument, RelDataType resultType) {}

  public static BatchAggregation compile(
      List<RelDataType> columns,
      RexBuilder rexBuilder,
      RexNode condition,
      List<RexNode> projects,
      ImmutableBitSet groupSet,
      List<Call> calls) {
    BatchCompiler compiler = new BatchCompiler(columns, rexBuilder);
    for (RelDataType t : columns) {
      if (!BatchCompiler.supports(t)) {
        throw new BatchCompiler.NotBatchable("column type " + t);
      }
    }
    Pred pred = condition == null ? null : compiler.condition(condition);
    List<Scalar> keys = new ArrayList<>();
    List<RelDataType> keyTypes = new ArrayList<>();
    for (int k : groupSet) {
      Scalar key = compiler.scalar(projects.get(k));
      if (key.kind == Vec.Kind.BYTES && !(key instanceof Scalar.ColumnRef)) {
        throw new BatchCompiler.NotBatchable("string key " + projects.get(k));
      }
      keys.add(key);
      keyTypes.add(projects.get(k).getType());
    }
    List<AggregateCall> compiled = new ArrayList<>();
    for (Call c : calls) {
      Scalar arg = c.argument() < 0 ? null : compiler.scalar(projects.get(c.argument()));
      AggregateCall.Function f =
          switch (c.kind()) {
            case COUNT -> AggregateCall.Function.COUNT;
            case SUM -> AggregateCall.Function.SUM;
            case SUM0 -> AggregateCall.Function.SUM0;
            case MIN -> AggregateCall.Function.MIN;
            case MAX -> AggregateCall.Function.MAX;
            default -> throw new BatchCompiler.NotBatchable("aggregate " + c.kind());
          };
      if (f != AggregateCall.Function.COUNT && arg == null) {
        throw new BatchCompiler.NotBatchable(c.kind() + " without an argument");
      }
      if ((f == AggregateCall.Function.SUM || f == AggregateCall.Function.SUM0)
          && arg.kind == Vec.Kind.BYTES) {
        throw new BatchCompiler.NotBatchable("SUM of a string");
      }
      if ((f == AggregateCall.Function.MIN || f == AggregateCall.Function.MAX)
          && (arg.kind != Vec.Kind.LONG || !(arg instanceof Scalar.ColumnRef))) {
        throw new BatchCompiler.NotBatchable(c.kind() + " of " + projects.get(c.argument()));
      }
      compiled.add(new AggregateCall(f, arg, c.resultType()));
    }
    return new BatchAggregation(pred, keys, keyTypes, compiled);
  }
}
