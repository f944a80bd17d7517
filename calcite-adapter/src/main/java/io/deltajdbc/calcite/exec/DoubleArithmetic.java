package io.deltajdbc.calcite.exec;

import io.deltajdbc.engine.data.ColumnBatch;

/**
 * {@code + - *} on doubles (and an operand converted to double), as Java computes them; also the
 * conversion of one operand to double ({@code right} null).
 */
final class DoubleArithmetic extends Scalar {
  enum Op {
    ADD,
    SUBTRACT,
    MULTIPLY,
    TO_DOUBLE
  }

  private final Op op;
  private final Scalar left;
  private final Scalar right;
  private Vec out;

  DoubleArithmetic(Op op, Scalar left, Scalar right) {
    super(Vec.Kind.DOUBLE, 0);
    this.op = op;
    this.left = left;
    this.right = right;
  }

  @Override
  Scalar copy() {
    return new DoubleArithmetic(op, left.copy(), right == null ? null : right.copy());
  }

  @Override
  Vec eval(ColumnBatch batch, int[] sel, int n) {
    Vec a = left.eval(batch, sel, n);
    Vec b = right == null ? null : right.eval(batch, sel, n);
    int size = batch.size();
    out = Vec.allocate(Vec.Kind.DOUBLE, 0, size, out);
    for (int k = 0; k < n; k++) {
      int i = sel[k];
      if (a.isNull(i) || (b != null && b.isNull(i))) {
        out.setNull(i, size);
        continue;
      }
      double x = a.asDouble(i);
      out.doubles[i] =
          switch (op) {
            case ADD -> x + b.asDouble(i);
            case SUBTRACT -> x - b.asDouble(i);
            case MULTIPLY -> x * b.asDouble(i);
            case TO_DOUBLE -> x;
          };
    }
    return out;
  }
}
