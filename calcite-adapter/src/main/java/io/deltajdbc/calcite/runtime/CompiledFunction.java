package io.deltajdbc.calcite.runtime;

import io.deltajdbc.calcite.internal.CalciteValues;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.dml.RowFunction;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.rex.RexExecutable;

/**
 * One expression of a DML statement as Calcite compiled it ({@link RexSource}), evaluated on a row
 * in the execution backend's tasks: the row's engine values become Calcite's runtime values, the
 * generated code runs as it would in a query, and the result becomes the engine value of {@link
 * #resultType}. The source travels with the function; each JVM compiles it once (Janino).
 *
 * @param source the generated Java source
 * @param width the number of fields of the row the source reads
 * @param positions the field each argument fills
 * @param argumentTypes the engine types of the arguments
 * @param resultType the engine type of the result
 * @param context the statement's bound parameters and time values, by data context name
 * @param table the table, for messages
 * @param what what the expression is, for messages ("UPDATE condition", "value for column x")
 * @param text the expression's SQL, for messages
 */
record CompiledFunction(
    String source,
    int width,
    int[] positions,
    DataType[] argumentTypes,
    DataType resultType,
    Map<String, Object> context,
    String table,
    String what,
    String text)
    implements RowFunction {
  private static final long serialVersionUID = 1L;
  private static final int CACHE_LIMIT = 512;
  private static final Map<String, Function1<DataContext, Object[]>> COMPILED =
      new ConcurrentHashMap<>();

  /**
   * Compiles the source at once (on the caller's JVM), so that code Java cannot take fails before
   * any task.
   */
  CompiledFunction {
    compiled(source, table, text);
  }

  @Override
  public Object apply(Object[] arguments) {
    Object[] record = new Object[width];
    for (int i = 0; i < positions.length; i++) {
      record[positions[i]] = CalciteValues.toCalcite(arguments[i], argumentTypes[i]);
    }
    Object value;
    try {
      value = compiled(source, table, text).apply(new FunctionDataContext(record, context))[0];
    } catch (DeltaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DeltaErrors.expressionFailed(table, what, text, e);
    }
    Object engine = CalciteValues.toEngine(value, resultType);
    if (resultType instanceof DecimalType d
        && engine instanceof BigDecimal b
        && b.precision() - b.scale() > d.precision() - d.scale()) {
      throw DeltaErrors.valueDoesNotFit(table, what, b.toPlainString(), resultType);
    }
    return engine;
  }

  private static Function1<DataContext, Object[]> compiled(
      String source, String table, String text) {
    Function1<DataContext, Object[]> f = COMPILED.get(source);
    if (f == null) {
      try {
        f = new RexExecutable(source, "a DML expression").getFunction();
      } catch (RuntimeException e) {
        throw DeltaErrors.expressionTooComplex(table, text, e);
      }
      if (COMPILED.size() >= CACHE_LIMIT) {
        COMPILED.clear();
      }
      COMPILED.put(source, f);
    }
    return f;
  }
}
