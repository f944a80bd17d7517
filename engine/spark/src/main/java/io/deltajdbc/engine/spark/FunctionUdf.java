package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.dml.DmlFunction;
import io.deltajdbc.engine.dml.RowFunction;
import io.deltajdbc.engine.types.DataType;
import java.util.List;
import org.apache.spark.sql.api.java.UDF1;

/**
 * A caller's {@link DmlFunction} as a Spark UDF: its one argument is the struct of the function's
 * inputs ({@link DmlFunction#call()}), whose Spark values become engine values; the result goes
 * back as Spark's value of the result type. Serialized to the tasks with the function's code.
 */
final class FunctionUdf implements UDF1<org.apache.spark.sql.Row, Object> {
  private static final long serialVersionUID = 1L;
  private final RowFunction function;
  private final DataType[] inputTypes;
  private final DataType resultType;

  FunctionUdf(DmlFunction f) {
    this.function = f.function();
    List<DmlFunction.Input> inputs = f.inputs();
    this.inputTypes = new DataType[inputs.size()];
    for (int i = 0; i < inputTypes.length; i++) {
      inputTypes[i] = inputs.get(i).type();
    }
    this.resultType = f.resultType();
  }

  @Override
  public Object call(org.apache.spark.sql.Row inputs) {
    Object[] args = new Object[inputTypes.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = inputs.isNullAt(i) ? null : SparkValues.engineValue(inputs.get(i), inputTypes[i]);
    }
    return SparkValues.sparkValue(function.apply(args), resultType);
  }
}
