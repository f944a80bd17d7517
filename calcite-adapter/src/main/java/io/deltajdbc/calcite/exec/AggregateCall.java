package io.deltajdbc.calcite.exec;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One aggregate call of a batch aggregation: what it computes, over which compiled argument (null
 * for COUNT(*)), and the Calcite type of its result.
 */
record AggregateCall(Function function, Scalar argument, RelDataType resultType) {
  enum Function {
    COUNT,
    SUM,
    SUM0,
    MIN,
    MAX
  }

  /** A fresh accumulator of this call, for one split. */
  Accumulator accumulator() {
    return switch (function) {
      case COUNT -> new Accumulator.Count();
      case SUM, SUM0 ->
          argument.kind == Vec.Kind.DOUBLE
              ? new Accumulator.DoubleSum(function == Function.SUM0)
              : new Accumulator.ExactSum(
                  argument.scale,
                  resultType.getSqlTypeName() != SqlTypeName.DECIMAL,
                  function == Function.SUM0);
      case MIN, MAX -> new Accumulator.LongExtreme(function == Function.MAX);
    };
  }
}
